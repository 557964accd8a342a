import type { Guide } from '../../compositions/guide-types';
import type { Queryable } from '../db/database';
import type { NotificationStatus, NotifyChannel, SkipReason } from './channels';
import type { ConsentState } from './consents';

/** Everything the notifier reads to decide and to write one message, in one query. */
export interface SendContext {
  id: string;
  guide_id: string;
  channel: NotifyChannel;
  token_channel: 'email' | 'sms' | 'app';
  status: NotificationStatus;
  fiscal_code_hmac: string;
  guide_exists: boolean;
  /** Held out of the impact evaluation (docs/impact.md): never sent, whatever else holds. */
  held_out: boolean;
  locale: Guide['locale'] | null;
  data: Guide | null;
  guide_expires_at: Date | null;
  consent: (ConsentState & { history_id: number }) | null;
  nonce: Buffer | null;
  token_expires_at: Date | null;
}

export async function loadSendContext(q: Queryable, id: string): Promise<SendContext | undefined> {
  const rows = await q.query<Record<string, unknown>>(
    `SELECT n.id, n.guide_id, n.channel, n.token_channel, n.status, n.fiscal_code_hmac,
            g.id IS NOT NULL AS guide_exists, coalesce(g.held_out, false) AS held_out, g.locale, g.data, g.expires_at AS guide_expires_at,
            c.history_id, c.proactive, c.email, c.mobile, c.pec, c.app,
            t.nonce, t.expires_at AS token_expires_at
     FROM notifications n
     LEFT JOIN guides g ON g.id = n.guide_id
     LEFT JOIN consents c ON c.fiscal_code_hmac = n.fiscal_code_hmac
     LEFT JOIN tokens t ON t.guide_id = n.guide_id AND t.channel = n.token_channel AND t.revoked_at IS NULL
     WHERE n.id = $1`,
    [id],
  );
  const r = rows[0];
  if (!r) return undefined;
  const consent =
    r.history_id === null
      ? null
      : {
          history_id: r.history_id as number,
          proactive: r.proactive as boolean,
          email: r.email as string | null,
          mobile: r.mobile as string | null,
          pec: r.pec as string | null,
          app: r.app as boolean,
        };
  return {
    id: r.id as string,
    guide_id: r.guide_id as string,
    channel: r.channel as NotifyChannel,
    token_channel: r.token_channel as SendContext['token_channel'],
    status: r.status as NotificationStatus,
    fiscal_code_hmac: r.fiscal_code_hmac as string,
    guide_exists: r.guide_exists as boolean,
    held_out: r.held_out as boolean,
    locale: (r.locale as Guide['locale'] | null) ?? null,
    data: (r.data as Guide | null) ?? null,
    guide_expires_at: (r.guide_expires_at as Date | null) ?? null,
    consent,
    nonce: r.nonce ? Buffer.from(r.nonce as Uint8Array) : null,
    token_expires_at: (r.token_expires_at as Date | null) ?? null,
  };
}

/** The address this channel needs under the current consent, or why there is none. */
export function recipientOf(ctx: SendContext, now = new Date()): { to: string } | { skip: SkipReason } {
  if (!ctx.guide_exists) return { skip: 'guide_deleted' };
  if (ctx.held_out) return { skip: 'held_out' };
  if (ctx.guide_expires_at && ctx.guide_expires_at <= now) return { skip: 'guide_expired' };
  if (!ctx.nonce) return { skip: 'link_revoked' };
  if (ctx.token_expires_at && ctx.token_expires_at <= now) return { skip: 'guide_expired' };
  const c = ctx.consent;
  if (!c?.proactive) return { skip: 'consent_withdrawn' };
  const to = { email: c.email, sms: c.mobile, pec: c.pec, app: c.app ? ctx.fiscal_code_hmac : null }[ctx.channel];
  return to ? { to } : { skip: 'contact_removed' };
}

/** Takes the row for a send attempt; false when it is already finished (a duplicate job). */
export async function claimForSend(q: Queryable, id: string): Promise<boolean> {
  const rows = await q.query(
    `UPDATE notifications SET status = 'sending', attempts = attempts + 1, updated_at = now()
     WHERE id = $1 AND status IN ('queued', 'sending') RETURNING 1`,
    [id],
  );
  return rows.length > 0;
}

/** Accepted by the provider. A receipt that overtook this write (already delivered) is kept. */
export async function markSent(q: Queryable, id: string, r: { providerId: string | null; delivered: boolean; consentHistoryId: number }): Promise<void> {
  await q.query(
    `UPDATE notifications SET
       status = CASE WHEN status IN ('queued', 'sending') THEN $2 ELSE status END,
       sent_at = coalesce(sent_at, now()),
       final_at = CASE WHEN $2 = 'delivered' AND status IN ('queued', 'sending') THEN now() ELSE final_at END,
       provider_id = coalesce($3, provider_id), consent_history_id = $4, reason = NULL, updated_at = now()
     WHERE id = $1`,
    [id, r.delivered ? 'delivered' : 'sent', r.providerId, r.consentHistoryId],
  );
}

/**
 * A final outcome decided here (not by a receipt): skipped, bounced at SMTP time, or failed. Never
 * for a row past its point of no return (send-attempt.ts): that message went out.
 */
export async function markFinal(
  q: Queryable,
  id: string,
  status: 'skipped' | 'bounced' | 'failed',
  reason: string,
  consentHistoryId: number | null = null,
): Promise<boolean> {
  const rows = await q.query(
    `UPDATE notifications SET status = $2, reason = $3, final_at = now(), updated_at = now(),
       consent_history_id = coalesce($4, consent_history_id)
     WHERE id = $1 AND status IN ('queued', 'sending') AND committed_at IS NULL RETURNING 1`,
    [id, status, reason.slice(0, 300), consentHistoryId],
  );
  return rows.length > 0;
}

/** The provider said no for now: back to queued until BullMQ's backoff retries it. */
export async function markRetrying(q: Queryable, id: string, reason: string): Promise<void> {
  await q.query(`UPDATE notifications SET status = 'queued', reason = $2, updated_at = now() WHERE id = $1 AND status = 'sending'`, [id, reason.slice(0, 300)]);
}

export interface Receipt {
  id: string;
  status: 'delivered' | 'bounced' | 'failed';
  at: Date;
  reason: string | null;
}

/**
 * Applies delivery receipts. Only a notification handed to a provider can be delivered, bounced or
 * failed by one; a late bounce may still follow a delivery. Returns the ids that changed.
 */
export async function applyReceipts(q: Queryable, receipts: readonly Receipt[]): Promise<string[]> {
  if (receipts.length === 0) return [];
  const rows = receipts.map((r) => ({ i: r.id, s: r.status, a: r.at.toISOString(), r: r.reason }));
  const changed = await q.query<{ id: string }>(
    `UPDATE notifications n SET status = r.s, final_at = r.a, reason = r.r,
       sent_at = coalesce(n.sent_at, r.a), updated_at = now()
     FROM jsonb_to_recordset($1::jsonb) AS r(i uuid, s text, a timestamptz, r text)
     WHERE n.id = r.i AND (n.status IN ('sending', 'sent') OR (n.status = 'delivered' AND r.s = 'bounced'))
     RETURNING n.id`,
    [JSON.stringify(rows)],
  );
  return changed.map((c) => c.id);
}
