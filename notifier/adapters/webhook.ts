import type { NotifyChannel } from '../../server/notify/channels';
import { scrub } from '../../server/notify/scrub';
import { SIGNATURE_HEADER, signBody } from '../../server/notify/signature';
import { PermanentFailure, type ChannelAdapter, type OutgoingMessage, type SendResult } from './types';

export interface WebhookAdapterOptions {
  channel: Extract<NotifyChannel, 'sms' | 'app'>;
  url: string;
  secret: string;
  /** Where the gateway posts its delivery receipts (told in every call). */
  receiptUrl: string;
  timeoutMs: number;
}

/** The JSON body POSTed to a gateway, version 1 (docs/notifications.md). */
export interface WebhookPayload {
  version: 1;
  id: string;
  channel: 'sms' | 'app';
  /** sms: the E.164 number; app: the citizen's reference in the institute's app (the fiscal-code HMAC). */
  to: string;
  title: string;
  text: string;
  link: string;
  guideType: string;
  locale: string;
  expiresAt: string;
  receiptUrl: string;
}

const RETRY_STATUSES = new Set([408, 425, 429]);

/**
 * SMS and app push through the gateways' HTTP APIs: one signed POST per message. `Idempotency-Key`
 * is the notification id, so a gateway that honours it turns our retries into exactly one message.
 */
export function webhookAdapter(o: WebhookAdapterOptions): ChannelAdapter {
  return {
    channel: o.channel,
    acceptIsDelivery: false,
    // No commit point: a gateway that honours Idempotency-Key turns a re-sent request into one message.
    async send(m: OutgoingMessage): Promise<SendResult> {
      const payload: WebhookPayload = {
        version: 1,
        id: m.notificationId,
        channel: o.channel,
        to: m.to,
        title: m.subject,
        text: m.text,
        link: m.link,
        guideType: m.guideType,
        locale: m.locale,
        expiresAt: m.expiresAt.toISOString(),
        receiptUrl: o.receiptUrl,
      };
      const body = JSON.stringify(payload);
      let res: Response;
      try {
        res = await fetch(o.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signBody(o.secret, body), 'idempotency-key': m.notificationId },
          body,
          redirect: 'error',
          signal: AbortSignal.timeout(o.timeoutMs),
        });
      } catch (err) {
        // Retried with backoff: a gateway that does not answer within NOTIFY_WEBHOOK_TIMEOUT_MS is down for now.
        if ((err as Error).name === 'TimeoutError') throw new Error(`${o.channel} gateway did not answer within ${o.timeoutMs} ms (NOTIFY_WEBHOOK_TIMEOUT_MS)`);
        throw new Error(`${o.channel} gateway unreachable: ${scrub((err as Error).message, 120)}`);
      }
      // The answer may echo the number: only its status and our own fields are read.
      const answer = (await res.json().catch(() => ({}))) as { providerId?: unknown; delivered?: unknown };
      if (res.ok) {
        return { providerId: typeof answer.providerId === 'string' ? answer.providerId.slice(0, 200) : null, delivered: answer.delivered === true };
      }
      const what = `${o.channel} gateway answered ${res.status}`;
      if (res.status >= 500 || RETRY_STATUSES.has(res.status)) throw new Error(what);
      throw new PermanentFailure(res.status === 410 || res.status === 422 ? 'bounced' : 'failed', what);
    },
    async close() {},
  };
}
