import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRenderWorker } from '../render-worker/start';
import { loadConfig, type Config } from '../server/config';
import { openDatabase, type Database } from '../server/db/database';
import { getGuide } from '../server/db/guides';
import { migrate } from '../server/db/migrate';
import { createLogger } from '../server/logger';
import { createRenderQueue, enqueueRenders } from '../server/queues';
import { fakeRenderer } from './helpers/fake-renderer';
import { guideOf, storeGuide } from './helpers/render-env';
import { exited, killGroup, startPostgres, startRedis, stopAll, waitUntil, type RedisProcess } from './helpers/services';

/**
 * A slow render is never taken over and rendered twice. The render lock is 2 s here
 * (RENDER_LOCK_DURATION), renders take 3× that, two workers compete and the periodic reconcile runs
 * every second: a render that waits (I/O, ffmpeg, Chrome) or computes in slices keeps BullMQ's lock
 * and its lease (server/db/render-lease.ts) and is rendered once. A worker frozen past its lock
 * (SIGSTOP: to everyone else it looks dead) is taken over, and when it wakes it finds its lease
 * taken, stops within a heartbeat and publishes nothing: one render published, the taker's.
 * (Before the lease the woken worker rendered on to the end; whether it then published over the
 * other's depended on whether the taker had happened to delete its staging directory.) Redis and
 * PostgreSQL are the test's own.
 */

const LOCK = '2s';
let redis: RedisProcess;
let db: Database;
let config: Config;
let root: string;
const closers: (() => Promise<void>)[] = [];
const children: ChildProcess[] = [];

beforeAll(async () => {
  const [r, pgServer] = await Promise.all([startRedis(), startPostgres()]);
  redis = r;
  db = await openDatabase({ url: pgServer.url, max: 6 });
  await migrate(db);
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'vg-render-lease-'));
  config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: pgServer.url,
    REDIS_URL: redis.url,
    QUEUE_PREFIX: 'render-lease',
    DATA_DIR: path.join(root, 'data'),
    VIDEO_DIR: path.join(root, 'videos'),
    RENDER_LOCK_DURATION: LOCK,
    RENDER_RECONCILE_INTERVAL: '1s',
    RENDER_SHUTDOWN_TIMEOUT: '2s',
    TOKEN_SECRET: 's'.repeat(40),
    FISCAL_CODE_HMAC_KEY: 'h'.repeat(40),
  });
});

afterAll(async () => {
  for (const c of children) killGroup(c);
  for (const c of closers.reverse()) await c().catch(() => undefined);
  await db?.close();
  await stopAll();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

async function enqueueTwice(guideId: string, typeVersion: string): Promise<void> {
  const queue = createRenderQueue({ host: '127.0.0.1', port: redis.port }, config.queuePrefix);
  await enqueueRenders(queue, [{ guideId, typeVersion, priority: 0 }]);
  await enqueueRenders(queue, [{ guideId, typeVersion, priority: 0 }]);
  await queue.close();
}

const logger = createLogger({ level: 'warn' });

describe('a slow render', () => {
  for (const [name, slow] of [
    ['waiting 6 s (I/O, child processes)', { delayMs: 6000 }],
    ['computing 6 s in 200 ms slices', { busyMs: 6000, sliceMs: 200 }],
  ] as const) {
    it(`${name}, past a 2 s lock, with two workers and the reconcile: rendered once`, async () => {
      const row = await storeGuide(db, guideOf('pensione', `slow-${name}`), `slow-${name}`);
      const a = fakeRenderer({ ...slow, tag: 'A' });
      const b = fakeRenderer({ ...slow, tag: 'B' });
      const wa = await startRenderWorker({ config, db, logger, redisUrl: redis.url, renderer: a });
      const wb = await startRenderWorker({ config, db, logger, redisUrl: redis.url, renderer: b });
      closers.push(
        () => wa.close(),
        () => wb.close(),
      );
      await enqueueTwice(row.id, row.type_version);
      await waitUntil(async () => (await getGuide(db, row.id))?.status === 'ready', 60_000, 'the guide to be ready', 200);
      // Three more lock periods: a takeover, or a reconciled copy, would start now.
      await new Promise((r) => setTimeout(r, 6500));
      const starts = (a.started.get(row.id) ?? 0) + (b.started.get(row.id) ?? 0);
      const renders = (a.renders.get(row.id) ?? 0) + (b.renders.get(row.id) ?? 0);
      expect({ starts, renders }).toEqual({ starts: 1, renders: 1 });
      await wa.close();
      await wb.close();
    }, 90_000);
  }

  it('on a worker frozen past its lock: taken over, and the frozen worker publishes nothing when it wakes', async () => {
    const row = await storeGuide(db, guideOf('pensione', 'slow-frozen'), 'slow-frozen');
    const env = {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: config.databaseUrl!,
      REDIS_URL: redis.url,
      QUEUE_PREFIX: config.queuePrefix,
      DATA_DIR: config.dataDir,
      VIDEO_DIR: config.videoDir,
      RENDER_LOCK_DURATION: LOCK,
      RENDER_RECONCILE_INTERVAL: '1s',
      TOKEN_SECRET: 's'.repeat(40),
      FISCAL_CODE_HMAC_KEY: 'h'.repeat(40),
      FAKE_RENDER_DELAY_MS: '8000',
      FAKE_RENDER_TAG: 'A',
    };
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/render-worker-process.ts'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    children.push(child);
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    await waitUntil(() => out.includes('worker ready'), 60_000, `worker A to start: ${err.slice(-2000)}`);
    await enqueueTwice(row.id, row.type_version);
    await waitUntil(() => out.includes(`started ${row.id}`), 30_000, 'worker A to start rendering');
    // A machine stall, as far as everyone else can tell: A stops for 3× its lock.
    killGroup(child, 'SIGSTOP');
    const b = fakeRenderer({ delayMs: 2000, tag: 'B' });
    const wb = await startRenderWorker({ config, db, logger, redisUrl: redis.url, renderer: b });
    closers.push(() => wb.close());
    await waitUntil(async () => (await getGuide(db, row.id))?.status === 'ready', 30_000, 'worker B to take over and finish', 200);
    killGroup(child, 'SIGCONT');
    // A wakes with seconds of its render left and its lease gone: it stops at its next heartbeat
    // (a third of the lease) instead of rendering on, and publishes nothing.
    await waitUntil(() => err.includes('render lease lost'), 5_000, 'worker A to stop on its lost lease').catch((e: Error) => {
      throw new Error(`${e.message}: ${out} ${err.slice(-2000)}`);
    });
    await new Promise((r) => setTimeout(r, 8000));
    expect(out).not.toContain(`rendered ${row.id}`);
    const published = fs.readFileSync(path.join(config.videoDir, row.id, 'video.mp4'), 'utf8');
    expect(published, 'the published render').toBe(`fake render of ${row.id} by B\n`);
    expect(b.renders.get(row.id)).toBe(1);
    expect((await getGuide(db, row.id))?.status).toBe('ready');
    killGroup(child, 'SIGTERM');
    await exited(child);
    await wb.close();
  }, 90_000);
});
