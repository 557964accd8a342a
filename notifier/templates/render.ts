import type { Locale } from '../../compositions/common/locale';
import { formatDate } from '../../compositions/common/locale';
import { GUIDE_TYPE_DEFINITIONS, type Guide } from '../../compositions/guide-types';
import type { NotifyChannel } from '../../server/notify/channels';
import { COMMON, TYPE_COPY } from './copy';

export interface RenderInput {
  channel: NotifyChannel;
  guide: Guide;
  locale: Locale;
  link: string;
  expiresAt: Date;
}

export interface Rendered {
  subject: string;
  text: string;
  html: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Every value that reaches the HTML part goes through here, fixed copy included. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

// Names are validated at the API's edge; line breaks are refused there too, this keeps plain text plain anyway.
const plain = (s: string) => s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/gu, ' ');

/**
 * The message for one guide on one channel: subject, plain text and HTML for email and PEC; the
 * same subject and a short text for SMS and app push. It carries the channel's own link and the
 * given name, never the fiscal code, the amounts or anything else of the guide's data.
 */
export function renderMessage(input: RenderInput): Rendered {
  const copy = TYPE_COPY[input.guide.type][input.locale];
  const common = COMMON[input.locale];
  const title = GUIDE_TYPE_DEFINITIONS[input.guide.type].title[input.locale];
  const date = formatDate(input.expiresAt.toISOString().slice(0, 10), input.locale);
  const name = 'citizen' in input.guide ? plain(input.guide.citizen.givenName) : null;
  const greeting = name ? common.greeting(name) : common.hello;

  if (input.channel === 'sms') return { subject: copy.subject, text: common.sms(title, input.link, date), html: '' };
  if (input.channel === 'app') return { subject: copy.subject, text: `${copy.lead} ${common.personal(date)}`, html: '' };

  const text = [greeting, '', copy.lead, '', `${common.cta}: ${input.link}`, '', common.personal(date), '', '--', common.footer, ''].join('\n');
  const e = escapeHtml;
  const html = `<!doctype html>
<html lang="${e(input.locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(copy.subject)}</title></head>
<body style="margin:0;padding:0;background:#f2f5f8;font-family:'Titillium Web',Arial,sans-serif;color:#1a2b3c">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f2f5f8"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:8px">
<tr><td style="background:#0066cc;color:#ffffff;padding:16px 24px;font-size:18px;font-weight:bold;border-radius:8px 8px 0 0">${e(title)}</td></tr>
<tr><td style="padding:24px;font-size:16px;line-height:1.5">
<p style="margin:0 0 16px">${e(greeting)}</p>
<p style="margin:0 0 24px">${e(copy.lead)}</p>
<p style="margin:0 0 24px"><a href="${e(input.link)}" style="display:inline-block;background:#0066cc;color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:4px;font-weight:bold">${e(common.cta)}</a></p>
<p style="margin:0 0 8px;font-size:14px;color:#455a64">${e(common.personal(date))}</p>
<p style="margin:0;font-size:13px;color:#455a64;word-break:break-all">${e(input.link)}</p>
</td></tr>
<tr><td style="padding:16px 24px;font-size:12px;line-height:1.4;color:#5c6f82;border-top:1px solid #e3e8ee">${e(common.footer)}</td></tr>
</table></td></tr></table>
</body></html>
`;
  return { subject: copy.subject, text, html };
}
