import type { Queue } from 'bullmq';
import type { Database } from '../server/db/database';
import type { Logger } from '../server/logger';
import { startPeriodic, type Periodic } from '../server/periodic';
import { enqueueRenders, renderJobId, renderPriority, type RenderJobData } from '../server/queues';

const LIVE_STATES = new Set(['waiting', 'delayed', 'active', 'prioritized', 'waiting-children']);

/**
 * The database is the truth about what must be rendered; Redis may have restarted empty or lost
 * keys. Every guide the database says is queued or rendering gets its job back: missing jobs are
 * added, and finished or failed ones (which cannot be re-added under the same id) are removed first.
 * Guides whose job is waiting, delayed or active are left alone, and so are guides a worker holds
 * the render lease of (it is rendering them now, whatever Redis lost: server/db/render-lease.ts).
 * Runs at start and then periodically (startPeriodicReconcile). A guide the API flipped to queued
 * (lazy policy) or created while Redis was away gets its job here too.
 */
export async function reconcileQueue(db: Database, queue: Queue<RenderJobData>, logger: Logger, batchSize = 1000): Promise<number> {
  let after = '00000000-0000-0000-0000-000000000000';
  let restored = 0;
  for (;;) {
    const rows = await db.query<{ id: string; type_version: string; print_date: string | null; campaign_id: string | null }>(
      `SELECT g.id, g.type_version, g.campaign_id, c.print_date
         FROM guides g LEFT JOIN campaigns c ON c.id = g.campaign_id
        WHERE g.status IN ('queued', 'rendering') AND g.id > $1
          AND (g.render_lease_until IS NULL OR g.render_lease_until < now())
        ORDER BY g.id LIMIT $2`,
      [after, batchSize],
    );
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id;
    const states = await Promise.all(rows.map((r) => queue.getJobState(renderJobId(r.id, r.type_version))));
    const missing = rows.filter((_, i) => !LIVE_STATES.has(states[i] as string));
    for (const [i, r] of rows.entries()) {
      if (states[i] === 'completed' || states[i] === 'failed') await queue.remove(renderJobId(r.id, r.type_version)).catch(() => undefined);
    }
    await enqueueRenders(
      queue,
      missing.map((r) => ({
        guideId: r.id,
        typeVersion: r.type_version,
        priority: r.campaign_id ? renderPriority({ printDate: r.print_date }) : renderPriority({ immediate: true }),
      })),
    );
    restored += missing.length;
  }
  if (restored) logger.info({ restored }, 'render jobs restored from the database');
  return restored;
}

/**
 * Whether a scan can find anything: the guides waiting for a render (not leased) outnumber the live
 * jobs in Redis. One count each side, so a healthy queue of a million guides costs two queries a
 * period, not a million look-ups.
 */
async function jobsMayBeMissing(db: Database, queue: Queue<RenderJobData>): Promise<boolean> {
  const [{ n }] = (await db.query<{ n: number }>(
    `SELECT count(*) AS n FROM guides WHERE status IN ('queued', 'rendering') AND (render_lease_until IS NULL OR render_lease_until < now())`,
  )) as [{ n: number }];
  if (n === 0) return false;
  const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'paused');
  return n > Object.values(counts).reduce((a, b) => a + b, 0);
}

/**
 * The reconcile while every process keeps running: every `intervalMs` (RENDER_RECONCILE_INTERVAL),
 * a cheap count, and a scan when it says jobs are missing (every tenth period a scan anyway: stale
 * jobs of other guides could hide a missing one from the count). A failed pass (Redis or the database
 * away) is logged and tried again at the next period.
 */
export function startPeriodicReconcile(o: { db: Database; queue: Queue<RenderJobData>; logger: Logger; intervalMs: number }): Periodic<number> {
  let period = 0;
  return startPeriodic(
    'render reconcile',
    async () => {
      period += 1;
      if (period % 10 !== 0 && !(await jobsMayBeMissing(o.db, o.queue))) return 0;
      return reconcileQueue(o.db, o.queue, o.logger);
    },
    o.intervalMs,
    o.logger,
  );
}
