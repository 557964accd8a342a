import type { Queue } from 'bullmq';
import type { Database, Queryable } from '../db/database';
import { restoreLostJobs } from '../job-reconcile';
import type { NotifyChannel } from './channels';
import { enqueueNotifications, notifyJobId, type NotifyJobData } from './queue';

/**
 * The transactional outbox, written inside the transaction that creates the guides: one row per
 * guide and channel its citizen has consented to. A direct guide goes on every consented channel;
 * a campaign's guide only on the campaign's own channels (the paper letter stays the print export).
 * Guides created with "notify": false, guides without a citizen, and guides held out of the impact
 * evaluation (docs/impact.md) get none. Returns the count.
 */
export async function writeOutbox(tx: Queryable, guideIds: readonly string[]): Promise<number> {
  if (guideIds.length === 0) return 0;
  const rows = await tx.query(
    `INSERT INTO notifications (id, guide_id, channel, token_channel, campaign_id, guide_type, province, fiscal_code_hmac)
     SELECT gen_random_uuid(), g.id, ch.channel, ch.token_channel, g.campaign_id, g.type, g.province, g.fiscal_code_hmac
     FROM guides g
     JOIN consents c ON c.fiscal_code_hmac = g.fiscal_code_hmac AND c.proactive
     LEFT JOIN campaigns k ON k.id = g.campaign_id
     CROSS JOIN LATERAL (VALUES ('email', 'email', c.email IS NOT NULL),
                                ('sms', 'sms', c.mobile IS NOT NULL),
                                ('app', 'app', c.app),
                                ('pec', 'email', c.pec IS NOT NULL)) AS ch(channel, token_channel, allowed)
     WHERE g.id = ANY($1::uuid[]) AND g.notify AND NOT g.held_out AND ch.allowed
       AND (g.campaign_id IS NULL OR ch.channel = ANY(k.channels))
     ON CONFLICT (guide_id, channel) DO NOTHING
     RETURNING 1`,
    [guideIds],
  );
  return rows.length;
}

interface OutboxRow {
  id: string;
  guide_id: string;
  channel: NotifyChannel;
}

/**
 * Moves one batch from the outbox onto the queue, with no transaction open while Redis is awaited:
 * read the batch, enqueue it, then mark it enqueued. A transaction held across the queue write kept a
 * connection (PGlite's only one) for as long as Redis took, so a stalled Redis stalled every database
 * route too (issue #15, finding 3). A crash or a failed write between enqueue and mark leaves the
 * rows unmarked: the next pass enqueues them again and the job ids absorb the duplicate. Two relays
 * may read the same rows; the job ids absorb that too, and a notification already finished is never
 * sent again (its status, checked by the worker).
 */
export async function relayOutboxBatch(db: Database, queue: Queue<NotifyJobData>, batchSize: number): Promise<number> {
  const rows = await db.query<OutboxRow>(`SELECT id, guide_id, channel FROM notifications WHERE enqueued_at IS NULL ORDER BY created_at LIMIT $1`, [batchSize]);
  if (rows.length === 0) return 0;
  await enqueueNotifications(
    queue,
    rows.map((r) => ({ notificationId: r.id, guideId: r.guide_id, channel: r.channel })),
  );
  await db.query(`UPDATE notifications SET enqueued_at = now() WHERE id = ANY($1::uuid[]) AND enqueued_at IS NULL`, [rows.map((r) => r.id)]);
  return rows.length;
}

/**
 * At start: the database is the truth about what is still to send, Redis may have restarted empty.
 * Every unfinished notification whose job is gone (or finished while the row is not) goes back to
 * the outbox, and the relay enqueues it again. Rows whose job is waiting, delayed or active stay.
 */
export function recoverLostJobs(db: Database, queue: Queue<NotifyJobData>, batchSize = 1000): Promise<number> {
  return restoreLostJobs<OutboxRow>({
    queue,
    batchSize,
    page: (after, limit) =>
      db.query<OutboxRow>(
        `SELECT id, guide_id, channel FROM notifications
         WHERE status IN ('queued', 'sending') AND enqueued_at IS NOT NULL AND id > $1 ORDER BY id LIMIT $2`,
        [after, limit],
      ),
    jobId: (r) => notifyJobId(r.guide_id, r.channel),
    restore: async (lost) => {
      await db.query(`UPDATE notifications SET enqueued_at = NULL WHERE id = ANY($1::uuid[])`, [lost.map((r) => r.id)]);
    },
  });
}
