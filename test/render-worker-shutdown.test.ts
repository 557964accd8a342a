import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { versionOf } from '../compositions/guide-types';
import { migrate } from '../server/db/migrate';
import { createLogger } from '../server/logger';
import { createRenderQueue, enqueueRenders } from '../server/queues';
import type { GuideRenderer } from '../render-worker/renderer';
import { RenderWorker } from '../render-worker/worker';
import { closeTestDatabase, openTestDatabase } from './helpers/databases';
import { flushPrefix, guideOf, storeGuide, waitFor } from './helpers/render-env';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `t-render-shutdown-${process.pid}`;

afterAll(async () => {
  await flushPrefix(REDIS_URL, prefix);
});

describe('render worker shutdown', () => {
  it('stays bounded when the render in progress cannot be interrupted (bundling, a speech call)', async () => {
    const db = await openTestDatabase('pglite', 'render_shutdown');
    await migrate(db);
    const videoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vg-shutdown-'));
    let started = false;
    let closed = false;
    // A render that ignores its abort signal and never ends, as a step that cannot be cancelled.
    const stuck: GuideRenderer = {
      name: 'stuck',
      render: () => {
        started = true;
        return new Promise<void>(() => undefined);
      },
      close: async () => {
        closed = true;
      },
    };
    const guide = guideOf('red', 'shutdown');
    const row = await storeGuide(db, guide, 'SHUTDOWN-1');
    const worker = new RenderWorker({
      connection: { url: REDIS_URL, maxRetriesPerRequest: null },
      prefix,
      db,
      videoDir,
      renderer: stuck,
      logger: createLogger({ level: 'silent' }),
      shutdownTimeoutMs: 100,
    });
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    const queue = createRenderQueue(redis, prefix);
    await enqueueRenders(queue, [{ guideId: row.id, typeVersion: versionOf('red'), priority: 0 }]);
    await waitFor(() => started, 60_000, 'the render to start');
    await worker.close();
    expect(closed).toBe(true);
    await queue.close();
    redis.disconnect();
    await closeTestDatabase(db);
  }, 60_000);
});
