import type { Database, Queryable } from '../db/database';

/**
 * A send attempt on a notification, and its point of no return, recorded in PostgreSQL (migration
 * 045), so that exactly-once depends on nothing Redis keeps (the queue may lose jobs: the reconcile
 * enqueues them again, and the doctor's development Redis has no persistence).
 *
 * - `claimAttempt` gives the attempt its own id and a lease (the notifier's lock duration); while
 *   the lease runs no other attempt can claim the row, it waits for the lease to end.
 * - Right before SMTP's final ".", `holdBeforeFinalDot` checks (awaited) that the attempt still
 *   holds the row and renews the lease; its `commit` then writes `committed_at` on a reserved
 *   connection whose socket takes the statement within the call, and is called inside the write of
 *   the "." right before it (notifier/adapters/final-dot.ts): two consecutive system calls.
 *   So a crash after the "." finds the commit (the next attempt records the message as sent), and
 *   an attempt that lost the row abandons its message before the ".". What remains: a crash between
 *   those two system calls (the message is lost, recorded as sent), and a database that fails
 *   between the check and the commit (sent, not recorded: sent again).
 * - The outcome written after the "." (sent, refused, retry) is the committing attempt's.
 */

export interface Claim {
  /** The attempt's id, or null when another attempt's lease runs until `heldUntil`. */
  attempt: string | null;
  heldUntil: Date | null;
}

/**
 * Takes the row for a new attempt: status 'sending', a fresh attempt id, a lease of `leaseMs`.
 * Undefined when the row is finished or past a point of no return (nothing may be sent again).
 */
export async function claimAttempt(q: Queryable, id: string, leaseMs: number): Promise<Claim | undefined> {
  const rows = await q.query<{ send_attempt: string }>(
    `UPDATE notifications SET status = 'sending', attempts = attempts + 1, send_attempt = gen_random_uuid(),
       send_lease_until = now() + $2 * interval '1 millisecond', updated_at = now()
     WHERE id = $1 AND status IN ('queued', 'sending') AND committed_at IS NULL
       AND (send_lease_until IS NULL OR send_lease_until < now())
     RETURNING send_attempt`,
    [id, leaseMs],
  );
  if (rows[0]) return { attempt: rows[0].send_attempt, heldUntil: null };
  const held = (
    await q.query<{ until: Date }>(
      `SELECT send_lease_until AS until FROM notifications
     WHERE id = $1 AND status IN ('queued', 'sending') AND committed_at IS NULL AND send_lease_until >= now()`,
      [id],
    )
  )[0];
  return held ? { attempt: null, heldUntil: held.until } : undefined;
}

/** Whether the row was left past its point of no return ('sending' with a commit). */
export async function isCommitted(q: Queryable, id: string): Promise<boolean> {
  return (await q.query(`SELECT 1 FROM notifications WHERE id = $1 AND status = 'sending' AND committed_at IS NOT NULL`, [id])).length > 0;
}

/** The attempt still holds the row; `commit` records its point of no return, `release` gives up. */
export interface FinalDotHold {
  /**
   * Hands `committed_at` to the database's socket within the call (the caller writes the "." next)
   * and resolves once it is written.
   */
  commit(): Promise<void>;
  /** Frees the reserved connection when `commit` was never called (the send failed before the "."). */
  release(): void;
}

/**
 * Right before the final ".": a hold when the attempt still holds the row (its lease renewed, a
 * connection of its own reserved for the commit), undefined when another attempt holds it (abandon
 * the message).
 */
export async function holdBeforeFinalDot(
  db: Database,
  id: string,
  attempt: string,
  leaseMs: number,
  consentHistoryId: number,
): Promise<FinalDotHold | undefined> {
  const c = await db.reserve();
  try {
    const held = await c.query(
      `UPDATE notifications SET send_lease_until = now() + $3 * interval '1 millisecond'
       WHERE id = $1 AND send_attempt = $2 AND status = 'sending' AND committed_at IS NULL RETURNING 1`,
      [id, attempt, leaseMs],
    );
    if (held.length === 0) {
      c.release();
      return undefined;
    }
  } catch (err) {
    c.release();
    throw err;
  }
  let used = false;
  return {
    commit() {
      used = true;
      // On the idle reserved connection the statement is on the socket when query() returns.
      return c
        .query(`UPDATE notifications SET committed_at = now(), consent_history_id = $3, updated_at = now() WHERE id = $1 AND send_attempt = $2`, [
          id,
          attempt,
          consentHistoryId,
        ])
        .then(() => undefined)
        .finally(() => c.release());
    },
    release() {
      if (used) return;
      used = true;
      c.release();
    },
  };
}

/**
 * A row left 'sending' past its point of no return by an attempt that did not finish (its process
 * died after the "."): the message went out, record it as sent (delivered when acceptance is delivery).
 */
export async function recoverCommitted(q: Queryable, id: string, delivered: boolean): Promise<boolean> {
  const rows = await q.query(
    `UPDATE notifications SET status = $2, sent_at = coalesce(sent_at, committed_at),
       final_at = CASE WHEN $2 = 'delivered' THEN committed_at ELSE final_at END, reason = NULL, send_lease_until = NULL, updated_at = now()
     WHERE id = $1 AND status = 'sending' AND committed_at IS NOT NULL RETURNING 1`,
    [id, delivered ? 'delivered' : 'sent'],
  );
  return rows.length > 0;
}

/** The attempt's message was accepted (or, `unconfirmed`, the line dropped after its "."). A receipt that overtook this write is kept. */
export async function settleSent(
  q: Queryable,
  id: string,
  attempt: string,
  r: { providerId: string | null; delivered: boolean; consentHistoryId: number; unconfirmed?: string },
): Promise<void> {
  await q.query(
    `UPDATE notifications SET
       status = CASE WHEN status IN ('queued', 'sending') THEN $2 ELSE status END,
       sent_at = coalesce(sent_at, now()),
       final_at = CASE WHEN $2 = 'delivered' AND status IN ('queued', 'sending') THEN now() ELSE final_at END,
       provider_id = coalesce($3, provider_id), consent_history_id = $4, reason = $6, send_lease_until = NULL, updated_at = now()
     WHERE id = $1 AND send_attempt = $5`,
    [id, r.delivered ? 'delivered' : 'sent', r.providerId, r.consentHistoryId, attempt, r.unconfirmed ?? null],
  );
}

/** The server refused this attempt's message for good (at RCPT or after the body: bounced or failed). */
export async function settleRefused(
  q: Queryable,
  id: string,
  attempt: string,
  status: 'bounced' | 'failed',
  reason: string,
  consentHistoryId: number,
): Promise<void> {
  await q.query(
    `UPDATE notifications SET status = $3, reason = $4, final_at = now(), updated_at = now(), consent_history_id = $5, send_lease_until = NULL
     WHERE id = $1 AND send_attempt = $2 AND status IN ('sending', 'sent')`,
    [id, attempt, status, reason.slice(0, 300), consentHistoryId],
  );
}

/**
 * This attempt did not get its message accepted (refused for now, line dropped before the ".", no
 * rate slot yet): back to 'queued', no point of no return, no lease, so the next attempt sends it.
 */
export async function settleRetry(q: Queryable, id: string, attempt: string, reason: string): Promise<void> {
  await q.query(
    `UPDATE notifications SET status = 'queued', committed_at = NULL, send_lease_until = NULL, reason = $3, updated_at = now()
     WHERE id = $1 AND send_attempt = $2 AND status IN ('sending', 'sent')`,
    [id, attempt, reason.slice(0, 300)],
  );
}
