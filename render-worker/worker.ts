import { UnrecoverableError, Worker, type Job, type ConnectionOptions } from 'bullmq';
import { guideSchema } from '../compositions/guide-types';
import { fieldErrors } from '../compositions/common/validation';
import type { Database } from '../server/db/database';
import { getGuide, setGuideStatus } from '../server/db/guides';
import type { Logger } from '../server/logger';
import { RENDER_QUEUE, type RenderJobData } from '../server/queues';
import { cleanStaging, isPublished, makeStaging, publish } from './outputs';
import { InvalidGuideError, type GuideRenderer } from './renderer';

/** How long close() waits for an aborted render to unwind before it stops waiting. */
const ABORT_WAIT_MS = 5_000;

/** Resolves when `p` settles or after `ms`, whichever comes first. */
async function within(p: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([p, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

export interface RenderWorkerOptions {
  queueName: string;
  prefix: string;
  connection: ConnectionOptions;
  db: Database;
  videoDir: string;
  renderer: GuideRenderer;
  logger: Logger;
  concurrency: number;
  /** A job whose worker stops renewing its lock for this long is taken over by another worker. */
  lockDurationMs: number;
  stalledIntervalMs: number;
  maxStalledCount: number;
  /** On SIGTERM, how long the current render may continue before it is aborted. */
  shutdownTimeoutMs: number;
}

const DEFAULTS = {
  queueName: RENDER_QUEUE,
  prefix: 'videoguida',
  concurrency: 1,
  lockDurationMs: 60_000,
  stalledIntervalMs: 30_000,
  maxStalledCount: 2,
  shutdownTimeoutMs: 20_000,
};

export type RenderWorkerInput = Partial<typeof DEFAULTS> &
  Pick<RenderWorkerOptions, 'connection' | 'db' | 'videoDir' | 'renderer' | 'logger'>;

/**
 * The render worker: one job = one guide (payload: its id only). At-least-once delivery is made
 * safe by idempotence: a guide already published is not rendered again, and a retried or taken-over
 * job renders into a private staging directory that is published only when complete.
 */
export class RenderWorker {
  readonly options: RenderWorkerOptions;
  readonly worker: Worker<RenderJobData>;
  private readonly aborts = new Set<AbortController>();
  private readonly running = new Set<Promise<unknown>>();
  renders = 0;

  constructor(input: RenderWorkerInput) {
    this.options = { ...DEFAULTS, ...input };
    const o = this.options;
    cleanStaging(o.videoDir);
    this.worker = new Worker<RenderJobData>(o.queueName, (job) => this.process(job), {
      connection: o.connection,
      prefix: o.prefix,
      concurrency: o.concurrency,
      lockDuration: o.lockDurationMs,
      stalledInterval: o.stalledIntervalMs,
      maxStalledCount: o.maxStalledCount,
      autorun: true,
    });
    this.worker.on('failed', (job, err) => void this.onFailed(job, err));
    this.worker.on('error', (err) => o.logger.error({ err: err.message }, 'render worker error'));
  }

  private process(job: Job<RenderJobData>): Promise<{ rendered: boolean }> {
    const run = this.render(job);
    this.running.add(run);
    void run.then(
      () => this.running.delete(run),
      () => this.running.delete(run),
    );
    return run;
  }

  private async render(job: Job<RenderJobData>): Promise<{ rendered: boolean }> {
    const { db, videoDir, renderer, logger } = this.options;
    const guideId = job.data?.guideId;
    if (typeof guideId !== 'string') throw new UnrecoverableError('job payload has no guideId');
    const row = await getGuide(db, guideId);
    if (!row) throw new UnrecoverableError(`guide ${guideId} does not exist (purged or never created)`);
    if (row.status === 'ready' && isPublished(videoDir, guideId)) return { rendered: false };

    const parsed = guideSchema.safeParse(row.data);
    if (!parsed.success) {
      const reason = `invalid guide data: ${fieldErrors(parsed.error)
        .map((e) => `${e.field}: ${e.message}`)
        .join('; ')}`;
      await setGuideStatus(db, guideId, 'failed', reason);
      throw new UnrecoverableError(reason);
    }

    await setGuideStatus(db, guideId, 'rendering');
    cleanStaging(videoDir, guideId);
    const staging = makeStaging(videoDir, guideId);
    const abort = new AbortController();
    this.aborts.add(abort);
    const started = Date.now();
    let lastProgress = 0;
    try {
      await renderer.render({
        guideId,
        guide: parsed.data,
        outDir: staging,
        signal: abort.signal,
        onProgress: (fraction) => {
          const pct = Math.floor(fraction * 100);
          if (pct > lastProgress) {
            lastProgress = pct;
            void job.updateProgress(pct).catch(() => undefined);
          }
        },
      });
      if (abort.signal.aborted) throw new Error('render aborted by shutdown');
      publish(staging, videoDir, guideId);
      await setGuideStatus(db, guideId, 'ready');
      this.renders++;
      logger.info({ guideId, jobId: job.id, ms: Date.now() - started, renderer: renderer.name }, 'guide rendered');
      return { rendered: true };
    } catch (err) {
      cleanStaging(videoDir, guideId);
      if (err instanceof InvalidGuideError) {
        await setGuideStatus(db, guideId, 'failed', err.message);
        throw new UnrecoverableError(err.message);
      }
      // Transient: BullMQ retries with backoff; the guide waits in the queue again.
      await setGuideStatus(db, guideId, 'queued', `retrying after: ${(err as Error).message}`.slice(0, 500));
      throw err;
    } finally {
      this.aborts.delete(abort);
    }
  }

  private async onFailed(job: Job<RenderJobData> | undefined, err: Error): Promise<void> {
    if (!job) return;
    const attempts = job.opts.attempts ?? 1;
    const final = err instanceof UnrecoverableError || err.name === 'UnrecoverableError' || job.attemptsMade >= attempts;
    this.options.logger.warn({ guideId: job.data.guideId, jobId: job.id, attemptsMade: job.attemptsMade, final, err: err.message }, 'render failed');
    if (final) await setGuideStatus(this.options.db, job.data.guideId, 'failed', err.message.slice(0, 500)).catch(() => undefined);
  }

  /**
   * Graceful shutdown: stop taking jobs, let the current render finish for up to shutdownTimeoutMs,
   * then abort it (the job goes back to the queue and is retried).
   */
  async close(): Promise<void> {
    // Stop taking jobs, then give the renders in progress their grace period, abort them, and give
    // the aborts a moment to unwind. Some steps cannot be interrupted (bundling, a speech engine
    // call): past that, stop waiting. The job's lock lapses and another worker takes it over, as
    // after a crash, so shutdown stays bounded however loaded the machine is.
    await this.worker.pause(true).catch(() => undefined);
    const settled = () => Promise.allSettled([...this.running]);
    await within(settled(), this.options.shutdownTimeoutMs);
    for (const a of this.aborts) a.abort();
    await within(settled(), ABORT_WAIT_MS);
    if (this.running.size)
      this.options.logger.warn({ activeRenders: this.running.size }, 'render did not stop after the grace period: leaving it to be taken over');
    try {
      await this.worker.close(true);
    } finally {
      await this.options.renderer.close();
    }
  }

}
