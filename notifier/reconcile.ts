import type { Queue } from 'bullmq';
import type { Database } from '../server/db/database';
import type { Logger } from '../server/logger';
import { countOf, startJobReconcile } from '../server/job-reconcile';
import type { Periodic } from '../server/periodic';
import { recoverLostJobs } from '../server/notify/outbox';
import type { NotifyJobData } from '../server/notify/queue';

/**
 * Start-up recovery (recoverLostJobs), repeated while the notifier runs: every `intervalMs`
 * (NOTIFY_RECONCILE_INTERVAL_MS) unfinished notifications whose job Redis lost go back to the
 * outbox, and the relay enqueues them again. One that an attempt is still sending is safe to put
 * back: the new attempt claims the row, and the old one, unable to commit, abandons its message
 * before the final "." (server/notify/send-attempt.ts). A scan runs only when the counts say a job may be
 * missing (server/job-reconcile.ts).
 */
export function startNotifyReconcile(o: { db: Database; queue: Queue<NotifyJobData>; logger: Logger; intervalMs: number }): Periodic<number> {
  return startJobReconcile({
    what: 'notification reconcile',
    queue: o.queue,
    // Unfinished notifications that have left the outbox: each should have a live job.
    expected: () => countOf(o.db, `SELECT count(*) AS n FROM notifications WHERE status IN ('queued', 'sending') AND enqueued_at IS NOT NULL`),
    scan: async () => {
      const recovered = await recoverLostJobs(o.db, o.queue);
      if (recovered) o.logger.info({ recovered }, 'notifications whose jobs were lost are back in the outbox');
      return recovered;
    },
    intervalMs: o.intervalMs,
    logger: o.logger,
  });
}
