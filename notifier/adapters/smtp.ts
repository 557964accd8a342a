import { createTransport } from 'nodemailer';
import type { NotifyChannel } from '../../server/notify/channels';
import { scrub } from '../../server/notify/scrub';
import { PermanentFailure, type ChannelAdapter, type OutgoingMessage, type SendResult } from './types';

export interface SmtpAdapterOptions {
  channel: Extract<NotifyChannel, 'email' | 'pec'>;
  url: string;
  from: string;
  /** The receiving server is the mailbox (local sink): its acceptance is the delivery. */
  acceptIsDelivery?: boolean;
  maxConnections?: number;
}

/** The domain of MAIL_FROM, for Message-IDs. */
export function senderDomain(from: string): string {
  const m = /@([^>\s]+)>?\s*$/.exec(from);
  return m?.[1]?.toLowerCase() ?? 'videoguida.localhost';
}

/**
 * Email (and PEC, through the certified provider's SMTP) with nodemailer over a pool of connections.
 * The Message-ID is the notification's id: a message re-sent after a crash (SMTP cannot tell whether
 * the first copy arrived, RFC 1047) carries the same id, so mail stores can drop the duplicate, and a
 * bounce processor can name the notification in its receipt.
 */
export function smtpAdapter(o: SmtpAdapterOptions): ChannelAdapter {
  const transport = createTransport({
    url: o.url,
    pool: true,
    maxConnections: o.maxConnections ?? 5,
    maxMessages: 1000,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
    logger: false,
    debug: false,
  });
  const domain = senderDomain(o.from);
  return {
    channel: o.channel,
    async send(m: OutgoingMessage): Promise<SendResult> {
      try {
        const info = await transport.sendMail({
          from: o.from,
          to: m.to,
          subject: m.subject,
          text: m.text,
          html: m.html,
          messageId: `<${m.notificationId}@${domain}>`,
          headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
          disableFileAccess: true,
          disableUrlAccess: true,
        });
        return { providerId: info.messageId ?? null, delivered: Boolean(o.acceptIsDelivery) };
      } catch (err) {
        const e = err as Error & { code?: string; responseCode?: number; response?: string; command?: string };
        const what = `${e.code ?? 'SMTP'} ${e.responseCode ?? ''} ${scrub(e.response ?? e.message, 200)}`.replace(/\s+/g, ' ').trim();
        // 5xx to the recipient is a bounce; 5xx to us (sender, auth, message) is our failure.
        // Anything else (4xx, a dropped connection, bad credentials being fixed) is retried with backoff.
        if (e.responseCode && e.responseCode >= 500) throw new PermanentFailure(e.command === 'RCPT TO' ? 'bounced' : 'failed', what);
        throw new Error(what);
      }
    },
    async close() {
      transport.close();
    },
  };
}
