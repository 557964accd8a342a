import type { Queue } from 'bullmq';
import type { Database } from '../server/db/database';
import type { Logger } from '../server/logger';
import { countOf, restoreLostJobs, startJobReconcile } from '../server/job-reconcile';
import type { Periodic } from '../server/periodic';
import { enqueueRenders, renderJobId, renderPriority, type RenderJobData } from '../server/queues';

interface WaitingGuide {
  id: string;
  type_version: string;
  print_date: string | null;
  campaign_id: string | null;
}

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
  const restored = await restoreLostJobs<WaitingGuide>({
    queue,
    batchSize,
    page: (after, limit) =>
      db.query<WaitingGuide>(
        `SELECT g.id, g.type_version, g.campaign_id, c.print_date
           FROM guides g LEFT JOIN campaigns c ON c.id = g.campaign_id
          WHERE g.status IN ('queued', 'rendering') AND g.id > $1
            AND (g.render_lease_until IS NULL OR g.render_lease_until < now())
          ORDER BY g.id LIMIT $2`,
        [after, limit],
      ),
    jobId: (r) => renderJobId(r.id, r.type_version),
    restore: (missing) =>
      enqueueRenders(
        queue,
        missing.map((r) => ({
          guideId: r.id,
          typeVersion: r.type_version,
          priority: r.campaign_id ? renderPriority({ printDate: r.print_date }) : renderPriority({ immediate: true }),
        })),
      ),
  });
  if (restored) logger.info({ restored }, 'render jobs restored from the database');
  return restored;
}

/**
 * The reconcile while every process keeps running: every `intervalMs` (RENDER_RECONCILE_INTERVAL),
 * a cheap count, and a scan when it says jobs may be missing (server/job-reconcile.ts). A failed pass
 * (Redis or the database away) is logged and tried again at the next period.
 */
export function startPeriodicReconcile(o: { db: Database; queue: Queue<RenderJobData>; logger: Logger; intervalMs: number }): Periodic<number> {
  return startJobReconcile({
    what: 'render reconcile',
    queue: o.queue,
    // The guides waiting for a render and not leased: each should have a live job.
    expected: () =>
      countOf(o.db, `SELECT count(*) AS n FROM guides WHERE status IN ('queued', 'rendering') AND (render_lease_until IS NULL OR render_lease_until < now())`),
    scan: () => reconcileQueue(o.db, o.queue, o.logger),
    intervalMs: o.intervalMs,
    logger: o.logger,
  });
}
