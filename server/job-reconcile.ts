import type { Queue } from 'bullmq';
import type { Queryable } from './db/database';
import type { Logger } from './logger';
import { startPeriodic, type Periodic } from './periodic';

const LIVE_JOB_STATES = new Set(['waiting', 'delayed', 'active', 'prioritized', 'waiting-children']);
const FIRST_ID = '00000000-0000-0000-0000-000000000000';

export interface LostJobScan<R extends { id: string }> {
  queue: Queue;
  /** The next rows (by id, after `after`) the database says must have a live job. */
  page(after: string, limit: number): Promise<R[]>;
  jobId(row: R): string;
  /** Gives the rows whose job Redis lost their job back (enqueue it again, or hand it to the relay). */
  restore(lost: R[]): Promise<void>;
  batchSize?: number;
}

/**
 * The database is the truth about which jobs must exist; Redis may have restarted empty or lost
 * keys. Pages through the rows that need a live job and restores those whose job is missing or
 * finished; a finished or failed job cannot be re-added under the same id, so it is removed first.
 * Rows whose job is waiting, delayed or active are left alone. Returns how many were restored.
 */
export async function restoreLostJobs<R extends { id: string }>(s: LostJobScan<R>): Promise<number> {
  let after = FIRST_ID;
  let restored = 0;
  for (;;) {
    const rows = await s.page(after, s.batchSize ?? 1000);
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id;
    const states = await Promise.all(rows.map((r) => s.queue.getJobState(s.jobId(r))));
    const lost = rows.filter((_, i) => !LIVE_JOB_STATES.has(states[i] as string));
    for (const [i, r] of rows.entries()) {
      if (states[i] === 'completed' || states[i] === 'failed') await s.queue.remove(s.jobId(r)).catch(() => undefined);
    }
    if (lost.length) await s.restore(lost);
    restored += lost.length;
  }
  return restored;
}

export interface PeriodicJobReconcile {
  /** Names the pass in the log ("render reconcile failed"). */
  what: string;
  queue: Queue;
  /** How many rows the database says must have a live job now. */
  expected(): Promise<number>;
  /** The full scan (restoreLostJobs), returning how many were restored. */
  scan(): Promise<number>;
  intervalMs: number;
  logger: Logger;
}

/**
 * The reconcile while a process keeps running: every `intervalMs`, two counts (rows needing a job,
 * live jobs in Redis), and a scan only when the rows outnumber the jobs, so a healthy queue of a
 * million costs two queries a period, not a million look-ups. Every tenth period scans whatever the
 * counts say: stale jobs of other rows could hide a missing one from the count. A failed pass is
 * logged and tried again at the next period.
 */
export function startJobReconcile(o: PeriodicJobReconcile): Periodic<number> {
  let period = 0;
  const mayBeMissing = async (): Promise<boolean> => {
    const n = await o.expected();
    if (n === 0) return false;
    const counts = await o.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'paused');
    return n > Object.values(counts).reduce((a, b) => a + b, 0);
  };
  return startPeriodic(
    o.what,
    async () => {
      period += 1;
      if (period % 10 !== 0 && !(await mayBeMissing())) return 0;
      return o.scan();
    },
    o.intervalMs,
    o.logger,
  );
}

/** `sql`'s single `n` column: the row count an `expected` gives. */
export async function countOf(db: Queryable, sql: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(sql);
  return Number(row?.n ?? 0);
}
