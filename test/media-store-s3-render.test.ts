import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEnvelopes } from '../compositions/generator/generate';
import { storyboardOf } from '../compositions/guide-types';
import { loadConfig, type Config } from '../server/config';
import { getGuide } from '../server/db/guides';
import { createLogger } from '../server/logger';
import { S3MediaStore } from '../server/media';
import { purgeExpired } from '../server/purge';
import { isShared } from '../render-worker/compositor/keys';
import type { CompositingRenderer } from '../render-worker/compositor/pipeline';
import { startRenderWorker } from '../render-worker/start';
import type { RenderWorker } from '../render-worker/worker';
import { call, startTestApi, tokenOf, type TestApi } from './helpers/api';
import { RENDER_OUTPUTS, renderTestEnv, waitFor } from './helpers/render-env';
import { startTestS3, type TestS3 } from './helpers/s3-server';
import { expectStreamsStoredVideo } from './helpers/stored-video';

// Issue #18: real renders published to an S3 server (s3rver), streamed back through the real API,
// purged; and a second worker with an empty disk that starts warm from the store's shared segments.
const logger = createLogger({ level: 'warn' });
// A cold invalidità render (the shortest type, about 95 s of video; RED took 466 s at a load of 17):
// wait for the outcome up to 15 minutes.
const RENDER_WAIT = 900_000;

describe('renders on the S3 media store (s3rver)', () => {
  let s3: TestS3;
  let api: TestApi;
  const workerConfig = (label: string): Config => {
    // A worker of its own: an empty render cache on its disk (bundles are code, shared by hash).
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), `vg-s3-cache-${label}-`));
    const { env } = renderTestEnv(`s3-${label}`, (api.db as { schema: string }).schema, cacheDir);
    return loadConfig({ ...env, ...s3.env, QUEUE_PREFIX: api.config.queuePrefix });
  };
  const createGuide = async (seed: string) => {
    const envelope = [...generateEnvelopes('invalidita', 1, seed)][0]!;
    const body = await (await call(api, 'POST', '/api/guides', { body: envelope })).json();
    return { id: body.id as string, token: tokenOf(body.links.qr) };
  };
  const ready = (id: string) => waitFor(async () => (await getGuide(api.db, id))?.status === 'ready', RENDER_WAIT, `guide ${id} to be ready`);
  const sharedScenes = async (id: string) => {
    const row = await getGuide(api.db, id);
    return storyboardOf(row!.data as never, { narrationFrames: (row as { narration?: { frames: Record<string, number> } }).narration?.frames }).scenes.filter(
      isShared,
    ).length;
  };

  beforeAll(async () => {
    s3 = await startTestS3('render');
    api = await startTestApi({ backend: 'postgres', label: 'media_s3_render', env: s3.env });
  });
  afterAll(async () => {
    await api?.close();
    await s3?.close();
  });

  let first: Awaited<ReturnType<typeof createGuide>>;
  let worker: RenderWorker;
  let coldStats: CompositingRenderer['lastStats'] = null;
  let config: Config;
  it(
    'publishes every output of a real render to the bucket before the guide is ready, and streams it with Range through the API',
    async () => {
      config = workerConfig('a');
      const running = await startRenderWorker({ config, db: api.db, logger, redisUrl: config.redisUrl });
      worker = running.worker;
      try {
        first = await createGuide('s3-render-b'); // Italian, as the second: the base loops are per locale
        await ready(first.id);
      } finally {
        await running.close();
      }
      expect(await s3.guideFiles(first.id)).toEqual(RENDER_OUTPUTS);
      // Nothing published on the worker's disk: only its (empty) staging area.
      expect(fs.readdirSync(config.videoDir).filter((n) => n !== '.staging')).toEqual([]);

      await expectStreamsStoredVideo(s3, first.id, `${api.url}/api/media/${first.token}/video.mp4`);
      expect((await fetch(`${api.url}/api/media/${first.token}/captions.vtt`)).status).toBe(200);
      // Segments the same for every citizen went to the store, those showing this citizen's data did
      // not; and the presenter's base loops (one per variant: greeting and side for this guide).
      const cache = await s3.keys('videoguida/test/cache/');
      expect(cache.filter((k) => k.endsWith('.mp4'))).toHaveLength(await sharedScenes(first.id));
      expect(cache.filter((k) => k.endsWith('.frames'))).toHaveLength(2);
      expect((worker.options.renderer as CompositingRenderer).lastStats).toMatchObject({ storeScenes: 0, storeBases: 0 });
      coldStats = (worker.options.renderer as CompositingRenderer).lastStats;
    },
    RENDER_WAIT + 200_000,
  );

  it(
    'a new worker with an empty disk takes the shared segments and base loops from the store instead of rendering them',
    async () => {
      const fresh = workerConfig('b');
      const running = await startRenderWorker({ config: fresh, db: api.db, logger, redisUrl: fresh.redisUrl });
      const renderer = running.worker.options.renderer as CompositingRenderer;
      const cached = await s3.keys('videoguida/test/cache/');
      let second;
      try {
        second = await createGuide('s3-render-c');
        await ready(second.id);
      } finally {
        await running.close();
      }
      const shared = await sharedScenes(second.id);
      expect(shared).toBeGreaterThan(0);
      // Same presenter and locale as the first guide: both base loops come from the store, so Chrome
      // draws only this citizen's layers.
      expect(renderer.lastStats).toMatchObject({ cachedScenes: 0, storeScenes: shared, storeBases: 2 });
      // For the record (docs/deployment.md): the cold and the warm worker's time in Chrome and in all.
      console.info(`cold worker: ${JSON.stringify(coldStats)}\nwarm worker: ${JSON.stringify(renderer.lastStats)}`);
      expect(await s3.guideFiles(second.id)).toEqual(RENDER_OUTPUTS);
      // Fetched, not rendered and put again.
      expect((await s3.keys('videoguida/test/cache/')).sort()).toEqual(cached.sort());
    },
    RENDER_WAIT + 200_000,
  );

  it("purges an expired guide's objects and keeps the shared cache, which holds no personal data", async () => {
    await api.db.query(`UPDATE guides SET expires_at = now() - interval '40 days' WHERE id = $1`, [first.id]);
    const store = new S3MediaStore(s3.settings);
    try {
      expect(await purgeExpired(api.db, { media: store, graceSeconds: 30 * 86_400 })).toEqual({ guides: 1 });
    } finally {
      store.close();
    }
    expect(await s3.guideFiles(first.id)).toEqual([]);
    expect((await fetch(`${api.url}/api/media/${first.token}/video.mp4`)).status).toBe(404);
    expect((await s3.keys('videoguida/test/cache/')).length).toBeGreaterThan(0);
  });
});
