import { Worker, type Job } from 'bullmq';
import type { Config, NarratorSettings } from '../server/config';
import type { Database } from '../server/db/database';
import { getGuide } from '../server/db/guides';
import type { Logger } from '../server/logger';
import type { NarrationJobData } from '../server/queues';
import { createRedis } from '../server/redis';
import { narrateStoredGuide, processClipCache, type SpeechContext } from '../speech';
import { sceneAudioIn } from '../speech/scene-audio-formats';

export interface StartNarratorDeps {
  config: Config;
  db: Database;
  logger: Logger;
  redisUrl: string;
  /**
   * The clip cache to fill. npm start passes the API's own (one process: concurrent requests for a
   * clip share its synthesis); a narrator process makes one on config.speech.cacheDir, the directory
   * the API reads.
   */
  speech?: SpeechContext;
  /** Overrides of config.narrator (tests: concurrency, queue name). */
  settings?: Partial<NarratorSettings>;
}

/** What one job did: counts and times only (the job's return value is kept in Redis). */
export interface NarrationOutcome {
  guideId: string;
  /** Why nothing was narrated: the guide is gone, changed type version, rendered, held out or expired. */
  skipped?: 'gone' | 'version' | 'rendered' | 'held-out' | 'expired';
  sentences?: number;
  synthesized?: number;
  scenes?: number;
  /** Wall time of the job. */
  ms?: number;
  /** Of which encoding the scenes' Opus (ffmpeg, one process per scene not encoded before). */
  encodeMs?: number;
  /** CPU time of this process during the job (resampling, shaping, scene WAVs); the engines' own processes (Festival, eSpeak NG, ffmpeg) are not included. */
  cpuMs?: number;
}

export interface RunningNarrator {
  worker: Worker<NarrationJobData, NarrationOutcome>;
  settings: NarratorSettings;
  /** Totals since start, for the bench and the logs. */
  totals: { narrated: number; skipped: number; failed: number; synthesized: number; ms: number; cpuMs: number };
  close(): Promise<void>;
}

/**
 * Narrates one guide ahead of its first access: the same narrateStoredGuide the API runs (the same
 * clips, scene WAVs and stored timing), then each scene's phone encoding (Opus in WebM, what the
 * player asks for first), so the API's first access finds everything on disk.
 */
export async function narrateAhead(db: Database, speech: SpeechContext, data: NarrationJobData, now = new Date()): Promise<NarrationOutcome> {
  const row = await getGuide(db, data.guideId);
  if (!row) return { guideId: data.guideId, skipped: 'gone' };
  if (row.type_version !== data.typeVersion) return { guideId: row.id, skipped: 'version' };
  // A rendered guide plays its MP4, whose sound is in it; a held-out citizen has no link to open.
  if (row.status === 'ready') return { guideId: row.id, skipped: 'rendered' };
  if (row.held_out) return { guideId: row.id, skipped: 'held-out' };
  if (row.expires_at <= now) return { guideId: row.id, skipped: 'expired' };
  const started = performance.now();
  const cpu = process.cpuUsage();
  const n = await narrateStoredGuide(db, row.id, row.data, speech);
  const encoding = performance.now();
  for (const s of n.scenes) await sceneAudioIn(s.audioPath, 'webm');
  const used = process.cpuUsage(cpu);
  const done = performance.now();
  return {
    guideId: row.id,
    sentences: n.stats.sentences,
    synthesized: n.stats.synthesized,
    scenes: n.scenes.length,
    ms: Math.round(done - started),
    encodeMs: Math.round(done - encoding),
    cpuMs: Math.round((used.user + used.system) / 1000),
  };
}

/**
 * The narrator: a BullMQ worker on the narration queue (config.narrator.queue), used by
 * `npm run narrator` (system/narrator.ts) and in-process by `npm start`. A failed job is retried a few
 * times and then left: the API still narrates the guide at first access.
 */
export async function startNarrator(deps: StartNarratorDeps): Promise<RunningNarrator> {
  const { config, db, logger } = deps;
  const settings = { ...config.narrator, ...deps.settings };
  const speech = deps.speech ?? {
    cache: processClipCache(config.speech, logger),
  };
  const totals = { narrated: 0, skipped: 0, failed: 0, synthesized: 0, ms: 0, cpuMs: 0 };
  // BullMQ's worker connection (server/redis.ts): maxRetriesPerRequest null, a timeout above its blocking waits.
  const connection = createRedis({ ...config.redis, url: deps.redisUrl }, 'worker', 'narrator', logger);

  const handle = async (job: Job<NarrationJobData, NarrationOutcome>): Promise<NarrationOutcome> => {
    // Ids only in a job: anything else is not ours to read.
    const data = { guideId: String(job.data.guideId), typeVersion: String(job.data.typeVersion) };
    try {
      const outcome = await narrateAhead(db, speech, data);
      if (outcome.skipped) {
        totals.skipped += 1;
        logger.debug({ guideId: data.guideId, skipped: outcome.skipped }, 'narration ahead skipped');
      } else {
        totals.narrated += 1;
        totals.synthesized += outcome.synthesized ?? 0;
        totals.ms += outcome.ms ?? 0;
        totals.cpuMs += outcome.cpuMs ?? 0;
        logger.info(
          {
            guideId: data.guideId,
            sentences: outcome.sentences,
            synthesized: outcome.synthesized,
            scenes: outcome.scenes,
            ms: outcome.ms,
            encodeMs: outcome.encodeMs,
            cpuMs: outcome.cpuMs,
          },
          'narrated ahead',
        );
      }
      return outcome;
    } catch (err) {
      totals.failed += 1;
      // An engine's message may quote the sentence it choked on (names, amounts): neither the log nor
      // the job's failure reason (stored in Redis) carries it, only its kind.
      const kind = (err as Error).name || 'Error';
      const code = (err as { code?: unknown }).code;
      logger.warn({ guideId: data.guideId, attempt: job.attemptsMade + 1, err: { type: kind, code } }, 'narration ahead failed');
      throw new Error(`narration failed (${kind}${typeof code === 'string' || typeof code === 'number' ? ` ${code}` : ''})`);
    }
  };

  const worker = new Worker<NarrationJobData, NarrationOutcome>(settings.queue, handle, {
    connection,
    prefix: config.queuePrefix,
    concurrency: settings.concurrency,
    lockDuration: settings.lockDurationMs,
    autorun: true,
  });
  // Connection trouble is logged by server/redis.ts; a worker error must not crash the process.
  worker.on('error', (err) => logger.warn({ component: 'narrator', err: { type: err.name, message: err.message } }, 'narrator worker error'));
  await worker.waitUntilReady();
  logger.info({ queue: settings.queue, concurrency: settings.concurrency }, 'narrator started');

  return {
    worker,
    settings,
    totals,
    async close() {
      // A narration in progress may finish within the grace period; past it, its job is retried later.
      let timer: NodeJS.Timeout | undefined;
      const graceful = worker.close().then(() => 'closed' as const);
      const late = new Promise<'late'>((resolve) => {
        timer = setTimeout(() => resolve('late'), settings.shutdownTimeoutMs);
      });
      if ((await Promise.race([graceful, late])) === 'late') await worker.close(true);
      clearTimeout(timer);
      connection.disconnect();
      logger.info({ ...totals }, 'narrator stopped');
    },
  };
}
