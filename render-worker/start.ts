import { closeInOrder } from '../server/close-in-order';
import type { Config } from '../server/config';
import type { Database } from '../server/db/database';
import type { Logger } from '../server/logger';
import type { Periodic } from '../server/periodic';
import { createRedis } from '../server/redis';
import { createRenderQueue } from '../server/queues';
import { createMediaStore, type MediaStore } from '../server/media';
import { buildGuideAudio, narrateStoredGuide, processClipCache, publicTrack } from '../speech';
import path from 'node:path';
import { browserSetup } from './browser';
import { CompositingRenderer } from './compositor/pipeline';
import { reconcileQueue, startPeriodicReconcile } from './reconcile';
import type { GuideRenderer } from './renderer';
import { RenderWorker } from './worker';

export interface StartRenderWorkerDeps {
  config: Config;
  db: Database;
  logger: Logger;
  redisUrl: string;
  /** Tests may inject a renderer; production uses the compositing pipeline. */
  renderer?: GuideRenderer;
  /** Where renders are published; default the one config.mediaStore names (closed with the worker). */
  media?: MediaStore;
}

/** Starts a render worker on the `render` queue: used by `npm run worker` and in-process by `npm start`. */
export async function startRenderWorker(deps: StartRenderWorkerDeps): Promise<{ worker: RenderWorker; reconcile: Periodic<number>; close(): Promise<void> }> {
  const { config, db, logger } = deps;
  const r = config.render;
  // BullMQ's worker connection (server/redis.ts): maxRetriesPerRequest null, a timeout above its blocking waits.
  const connection = createRedis({ ...config.redis, url: deps.redisUrl }, 'worker', 'render-worker', logger);
  const queue = createRenderQueue(connection, config.queuePrefix);
  await reconcileQueue(db, queue, logger);
  const media = deps.media ?? createMediaStore(config.mediaStore, config.videoDir);
  // Clips in the store's cache too (an S3 store): what one host synthesised, the others fetch.
  const speech = processClipCache(config.speech, logger, media.sharedCache);
  const renderer =
    deps.renderer ??
    new CompositingRenderer({
      // The presenter speaks: narration sets each scene's length and is muxed over the joined video.
      narrate: async (req, workDir) => {
        const narration = await narrateStoredGuide(db, req.guideId, req.guide, { cache: speech });
        const audioPath = path.join(workDir, 'audio.m4a');
        await buildGuideAudio(narration, audioPath, { logger: speech.log });
        return { track: publicTrack(narration.track), audioPath };
      },
      cacheDir: r.cacheDir,
      bundleDir: r.bundleDir,
      maxCacheBytes: r.cacheMaxBytes,
      resolution: r.resolution,
      recycleBrowserAfter: r.browserRecycleAfter,
      browserSetup: browserSetup(config.browserExecutable),
      sharedCache: media.sharedCache,
      logger,
    });
  const worker = new RenderWorker({
    connection,
    prefix: config.queuePrefix,
    db,
    videoDir: config.videoDir,
    media,
    renderer,
    logger,
    concurrency: r.concurrency,
    lockDurationMs: r.lockDurationSeconds * 1000,
    stalledIntervalMs: Math.max(1000, Math.round((r.lockDurationSeconds * 1000) / 2)),
    shutdownTimeoutMs: r.shutdownTimeoutSeconds * 1000,
  });
  // Jobs Redis loses while everything keeps running come back without a restart.
  const reconcile = startPeriodicReconcile({ db, queue, logger, intervalMs: r.reconcileIntervalSeconds * 1000 });
  logger.info({ resolution: r.resolution, concurrency: r.concurrency, mediaStore: media.kind }, 'render worker started');
  return {
    worker,
    reconcile,
    async close() {
      await closeInOrder([reconcile, worker, queue]);
      connection.disconnect();
      if (!deps.media) media.close();
    },
  };
}
