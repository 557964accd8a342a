import type { Queryable } from './database';
import type { GuideStatus } from './guides';

/**
 * The render lease (migration 046): one owner renders a guide at a time, whatever Redis and BullMQ
 * believe. A worker claims the guide before it renders, renews the lease while it renders (every
 * third of it), checks it right before publishing, and releases it with the final status. A claim
 * fails while another owner's lease runs; the reconcile leaves leased guides alone.
 */

/** Takes (or renews) the guide for `owner` for `leaseMs`: status 'rendering'. False: another owner's lease runs. */
export async function claimRender(q: Queryable, guideId: string, owner: string, leaseMs: number): Promise<boolean> {
  const rows = await q.query(
    `UPDATE guides SET status = 'rendering', status_reason = NULL, render_owner = $2,
       render_lease_until = now() + $3 * interval '1 millisecond', updated_at = now()
     WHERE id = $1 AND (render_lease_until IS NULL OR render_lease_until < now() OR render_owner = $2) RETURNING 1`,
    [guideId, owner, leaseMs],
  );
  return rows.length > 0;
}

/** Extends `owner`'s lease; false when it lapsed and another owner took the guide (stop rendering). */
export async function renewRender(q: Queryable, guideId: string, owner: string, leaseMs: number): Promise<boolean> {
  const rows = await q.query(`UPDATE guides SET render_lease_until = now() + $3 * interval '1 millisecond' WHERE id = $1 AND render_owner = $2 RETURNING 1`, [
    guideId,
    owner,
    leaseMs,
  ]);
  return rows.length > 0;
}

/** The end of `owner`'s render: the status, and the lease given up. No-op (false) if another owner holds the guide. */
export async function finishRender(q: Queryable, guideId: string, owner: string, status: GuideStatus, reason: string | null = null): Promise<boolean> {
  const rows = await q.query(
    `UPDATE guides SET status = $3, status_reason = $4, updated_at = now(), render_owner = NULL, render_lease_until = NULL,
       rendered_at = CASE WHEN $3 = 'ready' THEN now() ELSE rendered_at END
     WHERE id = $1 AND render_owner = $2 RETURNING 1`,
    [guideId, owner, status, reason],
  );
  return rows.length > 0;
}

/** When the lease of the guide's current owner runs out (null: nobody holds it). */
export async function leaseOf(q: Queryable, guideId: string): Promise<Date | null> {
  const r = (
    await q.query<{ until: Date | null }>(`SELECT CASE WHEN render_lease_until > now() THEN render_lease_until END AS until FROM guides WHERE id = $1`, [
      guideId,
    ])
  )[0];
  return r?.until ?? null;
}

/**
 * A job's final failure: the guide is failed unless another owner is rendering it now or it is
 * ready (its render succeeded and only BullMQ's bookkeeping failed: Redis lost the job meanwhile).
 */
export async function failUnlessLeased(q: Queryable, guideId: string, reason: string): Promise<void> {
  await q.query(
    `UPDATE guides SET status = 'failed', status_reason = $2, updated_at = now(), render_owner = NULL, render_lease_until = NULL
     WHERE id = $1 AND status <> 'ready' AND (render_lease_until IS NULL OR render_lease_until < now())`,
    [guideId, reason],
  );
}
