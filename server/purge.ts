import type { Queryable } from './db/database';
import type { Logger } from './logger';
import { LocalMediaStore, type MediaStore } from './media';

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
  options: { media?: MediaStore; videoDir?: string; graceSeconds: number; now?: Date; batchSize?: number; logger?: Logger },
): Promise<PurgeResult> {
  const media = options.media ?? new LocalMediaStore(options.videoDir ?? required('media or videoDir'));
  const cutoff = new Date((options.now ?? new Date()).getTime() - options.graceSeconds * 1000);
  const batchSize = options.batchSize ?? 1000;
  let total = 0;
  for (;;) {
    const due = await db.query<{ id: string }>(`SELECT id FROM guides WHERE expires_at < $1 ORDER BY id LIMIT $2`, [cutoff, batchSize]);
    if (due.length === 0) break;
    // Files first, rows second: these guides are past expiry and grace, so nothing serves them any
    // more, and a crash in between leaves rows the next run deletes, never an object whose guide is
    // gone (in a bucket, nobody would ever look for it again).
    await media.removeMany(due.map((r) => r.id));
    const rows = await db.query<{ id: string }>(`DELETE FROM guides WHERE id = ANY($1::uuid[]) AND expires_at < $2 RETURNING id`, [
      due.map((r) => r.id),
      cutoff,
    ]);
    total += rows.length;
    if (due.length < batchSize) break;
  }
  if (total > 0) options.logger?.info({ guides: total, cutoff: cutoff.toISOString() }, 'retention purge');
  return { guides: total };
}

/**
 * Removes the objects of guides that no longer exist: a guide deleted while a worker was uploading
 * its render, or a process that died between deleting a row and its objects. Lists the store a page
 * of guide ids at a time (1,000 per call on S3) and asks the database which still exist.
 */
export async function sweepOrphans(db: Queryable, media: MediaStore, logger?: Logger): Promise<{ orphans: number }> {
  let orphans = 0;
  for await (const ids of media.guideIds()) {
    const live = new Set((await db.query<{ id: string }>(`SELECT id FROM guides WHERE id = ANY($1::uuid[])`, [ids])).map((r) => r.id));
    const gone = ids.filter((id) => !live.has(id));
    if (gone.length) await media.removeMany(gone);
    orphans += gone.length;
  }
  if (orphans > 0) logger?.info({ guides: orphans }, 'media of deleted guides removed');
  return { orphans };
}

function required(what: string): never {
  throw new Error(`purgeExpired needs ${what}`);
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

/** The retention purge every API process runs (npm start, npm run api): expired guides, then orphaned objects. */
export function scheduleRetention(db: Queryable, media: MediaStore, o: { graceSeconds: number; intervalSeconds: number; logger: Logger }): () => void {
  return schedulePurge(
    async () => {
      await purgeExpired(db, { media, graceSeconds: o.graceSeconds, logger: o.logger });
      await sweepOrphans(db, media, o.logger);
    },
    o.intervalSeconds,
    o.logger,
  );
}
