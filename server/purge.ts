import fs from 'node:fs/promises';
import path from 'node:path';
import type { Queryable } from './db/database';
import type { Logger } from './logger';

export interface PurgeResult {
  guides: number;
}

/**
 * Retention: a guide is available for six months (its expiry), then kept for RETENTION_GRACE so a
 * late complaint can still be looked into, then deleted with its tokens (ON DELETE CASCADE) and its
 * rendered files. Events hold no personal data and stay, so the statistics survive. Works in small
 * batches, so a purge of a whole campaign never holds a long lock.
 */
export async function purgeExpired(
  db: Queryable,
  options: { videoDir: string; graceSeconds: number; now?: Date; batchSize?: number; logger?: Logger },
): Promise<PurgeResult> {
  const cutoff = new Date((options.now ?? new Date()).getTime() - options.graceSeconds * 1000);
  const batchSize = options.batchSize ?? 1000;
  let total = 0;
  for (;;) {
    const rows = await db.query<{ id: string }>(
      `DELETE FROM guides WHERE id IN (SELECT id FROM guides WHERE expires_at < $1 LIMIT $2) RETURNING id`,
      [cutoff, batchSize],
    );
    // Rows first, files second: a crash in between leaves an orphan directory (no data reachable),
    // never a guide whose video is gone.
    await Promise.all(rows.map((r) => fs.rm(path.join(options.videoDir, r.id), { recursive: true, force: true })));
    total += rows.length;
    if (rows.length < batchSize) break;
  }
  if (total > 0) options.logger?.info({ guides: total, cutoff: cutoff.toISOString() }, 'retention purge');
  return { guides: total };
}

/** Runs the purge now and then every intervalSeconds; returns a stop function. */
export function schedulePurge(run: () => Promise<unknown>, intervalSeconds: number, logger: Logger): () => void {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    run()
      .catch((err: Error) => logger.error({ err: { type: err.name, message: err.message } }, 'retention purge failed'))
      .finally(() => {
        running = false;
      });
  };
  tick();
  const timer = setInterval(tick, intervalSeconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
