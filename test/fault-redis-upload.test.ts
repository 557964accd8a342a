import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateEnvelopes } from '../compositions/generator/generate';
import { startRenderWorker } from '../render-worker/start';
import { createRenderQueue } from '../server/queues';
import { fakeRenderer } from './helpers/fake-renderer';
import { OPERATOR_KEY } from './helpers/fault-api';
import { FaultStacks } from './helpers/fault-stack';
import { memoryLogger } from './helpers/memory-logger';
import { waitUntil } from './helpers/services';

/**
 * Redis killed (SIGKILL, no persistence: it comes back empty) and restarted in the middle of a bulk
 * campaign upload. The upload goes on: the rows streamed while Redis was away wait for it and are
 * written when it is back; every accepted row is exactly one guide with its four tokens; the render
 * jobs Redis lost (those enqueued before the kill, waiting behind a busy worker) are put back by the
 * render worker's periodic reconcile, without a restart, and every guide is rendered exactly once.
 * The API runs as its own process, on a private PostgreSQL and Redis.
 */

const ROWS = 2400;
const KILL_AT_ROW = 1200;

const stacks = new FaultStacks();
afterAll(() => stacks.close());

describe('Redis killed and restarted mid-campaign upload', () => {
  it('loses no row, duplicates none, and every guide gets its render exactly once', async () => {
    const stack = await stacks.start('upload');
    const { redis, api, env } = stack;
    const db = await stack.openDb(4);
    const headers = { authorization: `Bearer ${OPERATOR_KEY}` };
    const campaign = (await (
      await fetch(`${api.url}/api/campaigns`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ guideType: 'red', name: 'RED, Redis restarted', renderPolicy: 'eager' }),
      })
    ).json()) as { id: string };

    // The render worker runs all along (a fake renderer: this is about the queue), with a short
    // reconcile period: the jobs the restarted Redis lost come back while everything keeps running.
    const renderer = fakeRenderer();
    const config = stack.config({
      VIDEO_DIR: path.join(stack.dataDir, 'videos'),
      RENDER_RECONCILE_INTERVAL: '1s',
      RENDER_LOCK_DURATION: '10s',
      RENDER_CONCURRENCY: '4',
    });
    const { logger, logs } = memoryLogger();
    const worker = await startRenderWorker({ config, db, logger, redisUrl: redis.url, renderer });
    let workerRunning = true;
    stacks.defer(async () => {
      if (workerRunning) await worker.close();
    });
    // A campaign uploads far faster than it renders: the worker is held (as if busy with other
    // renders) so the jobs enqueued before the kill are still waiting in Redis when it dies.
    await worker.worker.worker.pause(true);

    // The body is streamed at the test's pace: half of it, then Redis dies and comes back, then the rest.
    const lines = [...generateEnvelopes('red', ROWS, 'fault-upload')].map((e) => `${JSON.stringify(e)}\n`);
    let sent = 0;
    let redisRestarted = false;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (sent === KILL_AT_ROW && !redisRestarted) {
          // Let the API commit and enqueue its first batch (1,000 rows), then kill Redis under it.
          await waitUntil(
            async () => (await db.query<{ n: number }>('SELECT count(*) AS n FROM guides'))[0]!.n >= 1000,
            30_000,
            'the first batch to be stored',
          );
          const probe = createRenderQueue({ host: '127.0.0.1', port: redis.port }, env.QUEUE_PREFIX);
          await waitUntil(
            async () => Object.values(await probe.getJobCounts('waiting', 'prioritized')).reduce((a, b) => a + b, 0) >= 1000,
            30_000,
            'the first batch to be enqueued',
          );
          await probe.close();
          await redis.kill();
          // Rows keep arriving while Redis is away.
          controller.enqueue(new TextEncoder().encode(lines.slice(sent, sent + 300).join('')));
          sent += 300;
          await new Promise((r) => setTimeout(r, 1500));
          await redis.start();
          redisRestarted = true;
          return;
        }
        if (sent >= ROWS) return controller.close();
        controller.enqueue(new TextEncoder().encode(lines.slice(sent, sent + 100).join('')));
        sent += 100;
      },
    });
    const res = await fetch(`${api.url}/api/campaigns/${campaign.id}/guides`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/x-ndjson' },
      body,
      duplex: 'half',
    } as RequestInit);
    const report = (await res.json()) as { rows: number; created: number; rejected: number; enqueued: number; complete: boolean };
    expect(res.status, JSON.stringify(report)).toBe(200);
    worker.worker.worker.resume();
    expect(redisRestarted).toBe(true);
    expect(report).toMatchObject({ rows: ROWS, created: ROWS, rejected: 0, complete: true });

    // Nothing lost, nothing twice: one guide per row, four tokens each.
    const count = async (sql: string) => (await db.query<{ n: number }>(sql, [campaign.id]))[0]!.n;
    expect(await count(`SELECT count(*) AS n FROM guides WHERE campaign_id = $1`)).toBe(ROWS);
    expect(await count(`SELECT count(DISTINCT external_ref) AS n FROM guides WHERE campaign_id = $1`)).toBe(ROWS);
    expect(await count(`SELECT count(*) AS n FROM tokens t JOIN guides g ON g.id = t.guide_id WHERE g.campaign_id = $1`)).toBe(ROWS * 4);

    await waitUntil(
      async () => (await count(`SELECT count(*) AS n FROM guides WHERE campaign_id = $1 AND status = 'ready'`)) === ROWS,
      80_000,
      'every guide to be rendered',
      250,
    );
    await worker.close();
    workerRunning = false;
    expect(renderer.renders.size).toBe(ROWS);
    expect([...renderer.renders.values()].filter((n) => n !== 1)).toEqual([]);
    // Restored by the periodic pass (the start-up one found an empty database).
    const restored = logs.filter((l) => l.includes('render jobs restored from the database')).map((l) => (JSON.parse(l) as { restored: number }).restored);
    console.info(
      `redis restart mid-upload: ${report.enqueued} of ${ROWS} render jobs enqueued by the upload, ${restored.join(' + ')} restored by the periodic reconcile`,
    );
    expect(restored.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    await api.stop();
  }, 90_000);
});
