import { z } from 'zod';
import { optionalString, optionalUrl } from './parse';

const perSecond = (fallback: number) => z.coerce.number().positive().max(10_000).default(fallback);
const ms = (fallback: number) => z.coerce.number().int().min(1).default(fallback);
const flag = z
  .enum(['true', 'false', '1', '0'])
  .default('false')
  .transform((s) => s === 'true' || s === '1');

/** The notifier's settings (docs/notifications.md); NOTIFY_WEBHOOK_SECRET is with the other secrets. */
export const notifySchema = z.object({
  /** Outgoing mail server: smtp://user:pass@host:587 (STARTTLS when offered) or smtps://host:465. */
  SMTP_URL: optionalUrl(/^smtps?:\/\//, 'smtp://user:password@mail.example.org:587'),
  MAIL_FROM: z.string().trim().min(3).default('Videoguida <noreply@videoguida.localhost>'),
  /** PEC goes through the certified-mail provider's own SMTP with its own sender; unset: no PEC. */
  PEC_SMTP_URL: optionalUrl(/^smtps?:\/\//, 'smtps://user:password@smtps.pec.example.it:465'),
  PEC_FROM: optionalString,
  /** The SMS and app-push gateways: signed JSON POSTs (docs/notifications.md); unset: channel off. */
  SMS_WEBHOOK_URL: optionalUrl(/^https?:\/\//, 'https://sms-gateway.example.org/send'),
  APP_WEBHOOK_URL: optionalUrl(/^https?:\/\//, 'https://push.example.org/notify'),
  /** Messages per second per channel, shared by every notifier process (the limiter is in Redis). */
  NOTIFY_RATE_EMAIL: perSecond(50),
  NOTIFY_RATE_SMS: perSecond(20),
  NOTIFY_RATE_APP: perSecond(50),
  NOTIFY_RATE_PEC: perSecond(5),
  NOTIFY_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(10),
  NOTIFY_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  /** First retry delay; each next one doubles (30 s, 1 min, 2 min… about 1 h in total). */
  NOTIFY_BACKOFF_MS: ms(30_000),
  /** A job whose worker stops renewing its lock this long is taken over by another notifier. */
  NOTIFY_LOCK_DURATION_MS: ms(30_000),
  NOTIFY_OUTBOX_POLL_MS: ms(1000),
  /** How often a running notifier puts back in the outbox the unfinished notifications whose jobs Redis lost. */
  NOTIFY_RECONCILE_INTERVAL_MS: ms(60_000),
  NOTIFY_SHUTDOWN_TIMEOUT_MS: ms(10_000),
  NOTIFY_WEBHOOK_TIMEOUT_MS: ms(10_000),
  /** SMTP (email and PEC): opening the TCP connection (and TLS for smtps://). */
  NOTIFY_SMTP_CONNECT_TIMEOUT_MS: ms(15_000),
  /** SMTP: the server's 220 greeting after the connection opened (and a STARTTLS upgrade). */
  NOTIFY_SMTP_GREETING_TIMEOUT_MS: ms(15_000),
  /**
   * SMTP: the longest the line may stay silent once the session is open (an answer to EHLO, MAIL,
   * RCPT, DATA, the final "."). A relay that answers the final "." slowly (content scanning) needs
   * tens of seconds; silence past the "." is recorded as sent, unconfirmed (docs/notifications.md).
   */
  NOTIFY_SMTP_SOCKET_TIMEOUT_MS: ms(60_000),
  /** The SMTP server is the mailbox itself (a local sink, an LMTP store): its 250 means delivered. */
  SMTP_ACCEPT_IS_DELIVERY: flag,
});

export interface SmtpTimeouts {
  connectMs: number;
  greetingMs: number;
  socketMs: number;
}

export interface NotifierSettings {
  smtpUrl: string | undefined;
  mailFrom: string;
  pecSmtpUrl: string | undefined;
  pecFrom: string | undefined;
  smsWebhookUrl: string | undefined;
  appWebhookUrl: string | undefined;
  ratePerSecond: { email: number; sms: number; app: number; pec: number };
  concurrency: number;
  attempts: number;
  backoffMs: number;
  lockDurationMs: number;
  outboxPollMs: number;
  reconcileIntervalMs: number;
  shutdownTimeoutMs: number;
  webhookTimeoutMs: number;
  /** SMTP bounds (smtp-pool.ts): connecting, the greeting, and silence on an open session. */
  smtpTimeouts: SmtpTimeouts;
  smtpAcceptIsDelivery: boolean;
}

export function notifySection(e: z.infer<typeof notifySchema>): NotifierSettings {
  return {
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    pecSmtpUrl: e.PEC_SMTP_URL,
    pecFrom: e.PEC_FROM ?? (e.PEC_SMTP_URL ? e.MAIL_FROM : undefined),
    smsWebhookUrl: e.SMS_WEBHOOK_URL,
    appWebhookUrl: e.APP_WEBHOOK_URL,
    ratePerSecond: { email: e.NOTIFY_RATE_EMAIL, sms: e.NOTIFY_RATE_SMS, app: e.NOTIFY_RATE_APP, pec: e.NOTIFY_RATE_PEC },
    concurrency: e.NOTIFY_CONCURRENCY,
    attempts: e.NOTIFY_ATTEMPTS,
    backoffMs: e.NOTIFY_BACKOFF_MS,
    lockDurationMs: e.NOTIFY_LOCK_DURATION_MS,
    outboxPollMs: e.NOTIFY_OUTBOX_POLL_MS,
    reconcileIntervalMs: e.NOTIFY_RECONCILE_INTERVAL_MS,
    shutdownTimeoutMs: e.NOTIFY_SHUTDOWN_TIMEOUT_MS,
    webhookTimeoutMs: e.NOTIFY_WEBHOOK_TIMEOUT_MS,
    smtpTimeouts: { connectMs: e.NOTIFY_SMTP_CONNECT_TIMEOUT_MS, greetingMs: e.NOTIFY_SMTP_GREETING_TIMEOUT_MS, socketMs: e.NOTIFY_SMTP_SOCKET_TIMEOUT_MS },
    smtpAcceptIsDelivery: e.SMTP_ACCEPT_IS_DELIVERY,
  };
}
