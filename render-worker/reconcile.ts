import type { Queue } from 'bullmq';
import type { Database } from '../server/db/database';
import type { Logger } from '../server/logger';
import { enqueueRenders, renderJobId, renderPriority, type RenderJobData } from '../server/queues';

/**
 * The database is the truth about what must be rendered; Redis may have restarted empty or lost
 * keys. At start, every guide the database says is queued or rendering gets its job back: missing
 * jobs are added, and finished or failed ones (which cannot be re-added under the same id) are
 * removed first. Guides whose job is waiting, delayed or active are left alone.
 */
export async function reconcileQueue(db: Database, queue: Queue<RenderJobData>, logger: Logger, batchSize = 1000): Promise<number> {
  let after = '00000000-0000-0000-0000-000000000000';
  let restored = 0;
  for (;;) {
    const rows = await db.query<{ id: string; type_version: string; print_date: string | null; campaign_id: string | null }>(
      `SELECT g.id, g.type_version, g.campaign_id, c.print_date
         FROM guides g LEFT JOIN campaigns c ON c.id = g.campaign_id
        WHERE g.status IN ('queued', 'rendering') AND g.id > $1
        ORDER BY g.id LIMIT $2`,
      [after, batchSize],
    );
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id;
    const states = await Promise.all(rows.map((r) => queue.getJobState(renderJobId(r.id, r.type_version))));
    const missing = rows.filter((_, i) => !['waiting', 'delayed', 'active', 'prioritized', 'waiting-children'].includes(states[i] as string));
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
