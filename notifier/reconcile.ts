import type { Queue } from 'bullmq';
import type { Database } from '../server/db/database';
import type { Logger } from '../server/logger';
import { startPeriodic, type Periodic } from '../server/periodic';
import { recoverLostJobs } from '../server/notify/outbox';
import type { NotifyJobData } from '../server/notify/queue';

/**
 * Whether a scan can find anything: more unfinished notifications have left the outbox than Redis
 * holds live jobs. Two counts a period instead of a look-up per notification.
 */
async function jobsMayBeMissing(db: Database, queue: Queue<NotifyJobData>): Promise<boolean> {
  const [{ n }] = (await db.query<{ n: number }>(
    `SELECT count(*) AS n FROM notifications WHERE status IN ('queued', 'sending') AND enqueued_at IS NOT NULL`,
  )) as [{ n: number }];
  if (n === 0) return false;
  const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'paused');
  return n > Object.values(counts).reduce((a, b) => a + b, 0);
}

/**
 * Start-up recovery (recoverLostJobs), repeated while the notifier runs: every `intervalMs`
 * (NOTIFY_RECONCILE_INTERVAL_MS) unfinished notifications whose job Redis lost go back to the
 * outbox, and the relay enqueues them again. One that an attempt is still sending is safe to put
 * back: the new attempt claims the row, and the old one, unable to commit, abandons its message
 * before the final "." (server/notify/send-attempt.ts). Every tenth period scans whatever the counts say.
 */
export function startNotifyReconcile(o: { db: Database; queue: Queue<NotifyJobData>; logger: Logger; intervalMs: number }): Periodic<number> {
  let period = 0;
  return startPeriodic(
    'notification reconcile',
    async () => {
      period += 1;
      if (period % 10 !== 0 && !(await jobsMayBeMissing(o.db, o.queue))) return 0;
      const recovered = await recoverLostJobs(o.db, o.queue);
      if (recovered) o.logger.info({ recovered }, 'notifications whose jobs were lost are back in the outbox');
      return recovered;
    },
    o.intervalMs,
    o.logger,
  );
}
