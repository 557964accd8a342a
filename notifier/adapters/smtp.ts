import MailComposer from 'nodemailer/lib/mail-composer';
import type { SmtpTimeouts } from '../../server/config';
import type { NotifyChannel } from '../../server/notify/channels';
import { scrub } from '../../server/notify/scrub';
import { SendAbandoned, SmtpPool } from './smtp-pool';
import { PermanentFailure, type ChannelAdapter, type FinalDotGate, type OutgoingMessage, type SendResult } from './types';

export interface SmtpAdapterOptions {
  channel: Extract<NotifyChannel, 'email' | 'pec'>;
  url: string;
  from: string;
  /** The receiving server is the mailbox (local sink): its acceptance is the delivery. */
  acceptIsDelivery?: boolean;
  maxConnections?: number;
  /** NOTIFY_SMTP_CONNECT_TIMEOUT_MS, NOTIFY_SMTP_GREETING_TIMEOUT_MS, NOTIFY_SMTP_SOCKET_TIMEOUT_MS. */
  timeouts: SmtpTimeouts;
}

/**
 * nodemailer reports every bound that ran out as ETIMEDOUT, with `timeoutType` saying which: the
 * reason then names the bound and its variable, as the webhook and speech timeouts do.
 */
function timeoutReason(channel: string, server: string, t: SmtpTimeouts, timeoutType: unknown): string | undefined {
  const bound =
    timeoutType === 'CONNECT_TIMEOUT'
      ? ([t.connectMs, 'NOTIFY_SMTP_CONNECT_TIMEOUT_MS', 'did not accept the connection'] as const)
      : timeoutType === 'GREETING_TIMEOUT' || timeoutType === 'UPGRADE_TIMEOUT'
        ? ([t.greetingMs, 'NOTIFY_SMTP_GREETING_TIMEOUT_MS', timeoutType === 'UPGRADE_TIMEOUT' ? 'did not finish STARTTLS' : 'sent no greeting'] as const)
        : timeoutType === 'SOCKET_TIMEOUT'
          ? ([t.socketMs, 'NOTIFY_SMTP_SOCKET_TIMEOUT_MS', 'did not answer'] as const)
          : undefined;
  return bound && `${channel} server ${server} ${bound[2]} within ${bound[0]} ms (${bound[1]})`;
}

/** The domain of MAIL_FROM, for Message-IDs. */
export function senderDomain(from: string): string {
  const m = /@([^>\s]+)>?\s*$/.exec(from);
  return m?.[1]?.toLowerCase() ?? 'videoguida.localhost';
}

/** The Message-ID of a notification's email: its id, so receipts and duplicates name it. */
export const messageIdOf = (notificationId: string, from: string) => `<${notificationId}@${senderDomain(from)}>`;

/**
 * Email (and PEC, through the certified provider's SMTP with its own sender) over real SMTP. The
 * Message-ID is the notification's id: a bounce processor can name the notification in its receipt,
 * and a message sent again after a crash is recognisable as the same one.
 */
export function smtpAdapter(o: SmtpAdapterOptions): ChannelAdapter {
  const pool = new SmtpPool(o.url, o.maxConnections ?? 5, o.timeouts);
  return {
    channel: o.channel,
    acceptIsDelivery: Boolean(o.acceptIsDelivery),
    async send(m: OutgoingMessage, gate?: FinalDotGate): Promise<SendResult> {
      const messageId = messageIdOf(m.notificationId, o.from);
      const node = new MailComposer({
        from: o.from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        messageId,
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
        disableFileAccess: true,
        disableUrlAccess: true,
      }).compile();
      const envelope = node.getEnvelope();
      const raw = await node.build();
      try {
        await pool.send({ from: String(envelope.from), to: envelope.to.map(String) }, raw, gate);
        return { providerId: messageId, delivered: Boolean(o.acceptIsDelivery) };
      } catch (err) {
        if (err instanceof SendAbandoned) throw err;
        const e = err as Error & { code?: string; responseCode?: number; response?: string; command?: string; afterFinalDot?: boolean; timeoutType?: string };
        const what =
          (e.code === 'ETIMEDOUT' ? timeoutReason(o.channel, pool.server, o.timeouts, e.timeoutType) : undefined) ??
          `${e.code ?? 'SMTP'} ${e.responseCode ?? ''} ${scrub(e.response ?? e.message, 200)}`.replace(/\s+/g, ' ').trim();
        // The "." left and the line dropped before any answer: the server may well have the message
        // (RFC 1047). Sending again would most often deliver it twice; it is recorded as sent, unconfirmed.
        if (e.afterFinalDot && !e.responseCode)
          return { providerId: messageId, delivered: false, unconfirmed: `no answer after the final "." (${what})`.slice(0, 300) };
        // 5xx to the recipient is a bounce; 5xx to us (sender, message) is our failure. Anything
        // else (4xx, a dropped connection, credentials being fixed) is retried with backoff.
        if (e.responseCode && e.responseCode >= 500) throw new PermanentFailure(e.command === 'RCPT TO' ? 'bounced' : 'failed', what);
        throw new Error(what);
      }
    },
    async close() {
      pool.close();
    },
  };
}
