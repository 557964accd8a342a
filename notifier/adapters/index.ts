import type { NotifyChannel } from '../../server/notify/channels';
import type { NotifierSettings } from '../../server/config';
import { smtpAdapter } from './smtp';
import type { ChannelAdapter } from './types';
import { webhookAdapter } from './webhook';

/**
 * The adapters this configuration enables. A channel without one (no PEC provider, no SMS gateway)
 * fails its notifications with reason "channel_not_configured" instead of holding them forever.
 */
export function buildAdapters(s: NotifierSettings, webhook: { secret: string | null; receiptUrl: string }): Partial<Record<NotifyChannel, ChannelAdapter>> {
  const out: Partial<Record<NotifyChannel, ChannelAdapter>> = {};
  if (s.smtpUrl)
    out.email = smtpAdapter({ channel: 'email', url: s.smtpUrl, from: s.mailFrom, acceptIsDelivery: s.smtpAcceptIsDelivery, timeouts: s.smtpTimeouts });
  if (s.pecSmtpUrl) out.pec = smtpAdapter({ channel: 'pec', url: s.pecSmtpUrl, from: s.pecFrom ?? s.mailFrom, maxConnections: 2, timeouts: s.smtpTimeouts });
  if (webhook.secret) {
    const common = { secret: webhook.secret, receiptUrl: webhook.receiptUrl, timeoutMs: s.webhookTimeoutMs };
    if (s.smsWebhookUrl) out.sms = webhookAdapter({ channel: 'sms', url: s.smsWebhookUrl, ...common });
    if (s.appWebhookUrl) out.app = webhookAdapter({ channel: 'app', url: s.appWebhookUrl, ...common });
  }
  return out;
}

export type { ChannelAdapter, OutgoingMessage, SendResult } from './types';
export { PermanentFailure } from './types';
