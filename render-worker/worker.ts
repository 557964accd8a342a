import { randomUUID } from 'node:crypto';
import { DelayedError, UnrecoverableError, Worker, type Job, type ConnectionOptions } from 'bullmq';
import { guideSchema } from '../compositions/guide-types';
import { fieldErrors } from '../compositions/common/validation';
import type { Database } from '../server/db/database';
import { getGuide, setGuideStatus } from '../server/db/guides';
import { claimRender, failUnlessLeased, finishRender, leaseOf, renewRender } from '../server/db/render-lease';
import type { Logger } from '../server/logger';
import { RENDER_QUEUE, type RenderJobData } from '../server/queues';
import { LocalMediaStore, type MediaStore } from '../server/media';
import { cleanStaging, makeStaging, publish } from './outputs';
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
  /** Staging directories live here; with no `media`, also the published files (the local store). */
  videoDir: string;
  /** Where finished renders are published (server/media). */
  media: MediaStore;
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
  Pick<RenderWorkerOptions, 'connection' | 'db' | 'videoDir' | 'renderer' | 'logger'> & { media?: MediaStore };

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
    this.options = { ...DEFAULTS, ...input, media: input.media ?? new LocalMediaStore(input.videoDir) };
    const o = this.options;
    cleanStaging(o.videoDir);
    this.worker = new Worker<RenderJobData>(o.queueName, (job, token) => this.process(job, token), {
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

  private process(job: Job<RenderJobData>, token?: string): Promise<{ rendered: boolean }> {
    const run = this.render(job, token);
    this.running.add(run);
    void run.then(
      () => this.running.delete(run),
      () => this.running.delete(run),
    );
    return run;
  }

  private async render(job: Job<RenderJobData>, token?: string): Promise<{ rendered: boolean }> {
    const { db, videoDir, media, renderer, logger, lockDurationMs: leaseMs } = this.options;
    const guideId = job.data?.guideId;
    if (typeof guideId !== 'string') throw new UnrecoverableError('job payload has no guideId');
    const row = await getGuide(db, guideId);
    if (!row) throw new UnrecoverableError(`guide ${guideId} does not exist (purged or never created)`);
    if (row.status === 'ready' && (await media.isPublished(guideId))) return { rendered: false };

    const parsed = guideSchema.safeParse(row.data);
    if (!parsed.success) {
      const reason = `invalid guide data: ${fieldErrors(parsed.error)
        .map((e) => `${e.field}: ${e.message}`)
        .join('; ')}`;
      await setGuideStatus(db, guideId, 'failed', reason);
      throw new UnrecoverableError(reason);
    }

    // The guide's render lease (server/db/render-lease.ts): a job Redis lost and the reconcile
    // enqueued again, or one taken over while its worker still renders, finds another owner's lease
    // running and comes back when it ends, by which time the guide is ready (or its owner is gone).
    const owner = randomUUID();
    if (!(await claimRender(db, guideId, owner, leaseMs))) {
      const until = (await leaseOf(db, guideId))?.getTime() ?? Date.now();
      logger.info({ guideId, jobId: job.id }, 'guide is being rendered by another worker: job comes back when its lease ends');
      if (!token) throw new Error('guide is being rendered by another worker');
      await job.moveToDelayed(Math.max(until, Date.now()) + 1000, token);
      throw new DelayedError();
    }
    cleanStaging(videoDir, guideId);
    const staging = makeStaging(videoDir, guideId);
    const abort = new AbortController();
    this.aborts.add(abort);
    let lost = false;
    const heartbeat = setInterval(
      () => {
        renewRender(db, guideId, owner, leaseMs).then(
          (ours) => {
            if (ours || lost) return;
            lost = true;
            logger.warn({ guideId, jobId: job.id }, 'render lease lost to another worker: stopping this render');
            abort.abort();
          },
          () => undefined, // the database is away: the next beat tries again; publishing checks once more
        );
      },
      Math.max(250, Math.floor(leaseMs / 3)),
    );
    const started = Date.now();
    logger.info({ guideId, jobId: job.id }, 'render started');
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
      if (abort.signal.aborted) throw new Error(lost ? 'render lease lost to another worker' : 'render aborted by shutdown');
      // Last check before the outputs appear: still ours, for another lease's length.
      if (!(await renewRender(db, guideId, owner, leaseMs))) throw new Error('render lease lost to another worker');
      // Ready only once every file is in the store (an upload can take a while: the heartbeat goes on).
      await publish(media, staging, guideId, abort.signal);
      if (!(await finishRender(db, guideId, owner, 'ready')) && !(await getGuide(db, guideId))) {
        // Deleted (or purged) while it rendered: its objects must not outlive it.
        await media.remove(guideId);
        logger.info({ guideId, jobId: job.id }, 'guide deleted during its render: outputs removed');
        return { rendered: false };
      }
      this.renders++;
      logger.info({ guideId, jobId: job.id, ms: Date.now() - started, renderer: renderer.name }, 'guide rendered');
      return { rendered: true };
    } catch (err) {
      cleanStaging(videoDir, guideId);
      if (err instanceof InvalidGuideError) {
        await finishRender(db, guideId, owner, 'failed', err.message);
        throw new UnrecoverableError(err.message);
      }
      // Transient: BullMQ retries with backoff; the guide waits in the queue again (unless another
      // worker holds it now: then its status is that worker's).
      await finishRender(db, guideId, owner, 'queued', `retrying after: ${(err as Error).message}`.slice(0, 500));
      throw err;
    } finally {
      clearInterval(heartbeat);
      this.aborts.delete(abort);
    }
  }

  private async onFailed(job: Job<RenderJobData> | undefined, err: Error): Promise<void> {
    if (!job || err instanceof DelayedError || err.name === 'DelayedError') return;
    const attempts = job.opts.attempts ?? 1;
    const final = err instanceof UnrecoverableError || err.name === 'UnrecoverableError' || job.attemptsMade >= attempts;
    this.options.logger.warn({ guideId: job.data.guideId, jobId: job.id, attemptsMade: job.attemptsMade, final, err: err.message }, 'render failed');
    if (final) await failUnlessLeased(this.options.db, job.data.guideId, err.message.slice(0, 500)).catch(() => undefined);
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
