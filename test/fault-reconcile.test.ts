import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateEnvelopes } from '../compositions/generator/generate';
import { startNotifier, type RunningNotifier } from '../notifier/start';
import { startRenderWorker } from '../render-worker/start';
import { startMailSink } from './helpers/channel-sinks';
import { fakeRenderer } from './helpers/fake-renderer';
import { createGuide, OPERATOR_KEY } from './helpers/fault-api';
import { emailCampaign, emailOf, Inbox, statusCounts } from './helpers/fault-notify';
import { FaultStacks } from './helpers/fault-stack';
import { memoryLogger } from './helpers/memory-logger';
import { flushPrefix } from './helpers/render-env';
import { waitUntil } from './helpers/services';

/**
 * Jobs Redis loses while every process keeps running come back without a restart: the render
 * worker's and the notifier's periodic reconcile (RENDER_RECONCILE_INTERVAL,
 * NOTIFY_RECONCILE_INTERVAL_MS; 1 s here). The queue's keys are deleted from under a running API,
 * render worker and notifier — with renders and sends in flight, and a lazy guide just flipped to
 * queued — and every guide is rendered, every notification sent, exactly once: the jobs put back
 * for work still in progress wait for its lease (server/db/render-lease.ts, send-attempt.ts)
 * instead of doing it a second time. Before the periodic reconcile they waited for a restart.
 */

const stacks = new FaultStacks();
afterAll(() => stacks.close());

async function setUp(label: string) {
  const stack = await stacks.start(label);
  const config = stack.config({
    VIDEO_DIR: path.join(stack.dataDir, 'videos'),
    RENDER_RECONCILE_INTERVAL: '1s',
    RENDER_LOCK_DURATION: '4s',
    RENDER_CONCURRENCY: '2',
  });
  return { ...stack, config, db: await stack.openDb(6) };
}

describe('the periodic reconcile', () => {
  it('renders every guide exactly once after the queue keys vanish mid-render, the lazy guide just flipped included', async () => {
    const { redis, api, config, db } = await setUp('reconcile-render');
    const headers = { authorization: `Bearer ${OPERATOR_KEY}`, 'content-type': 'application/json' };
    const direct: string[] = [];
    for (const e of generateEnvelopes('naspi', 8, 'fault-reconcile-render')) direct.push((await createGuide(api, e)).id);
    // A lazy campaign's guide: rendered at its first access, when the API flips it to queued.
    const campaign = (await (
      await fetch(`${api.url}/api/campaigns`, { method: 'POST', headers, body: JSON.stringify({ guideType: 'red', name: 'lazy', renderPolicy: 'lazy' }) })
    ).json()) as { id: string };
    await fetch(`${api.url}/api/campaigns/${campaign.id}/guides`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/x-ndjson' },
      body: JSON.stringify([...generateEnvelopes('red', 1, 'fault-reconcile-lazy')][0]),
    });
    const exported = (await (await fetch(`${api.url}/api/campaigns/${campaign.id}/export`, { headers })).text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { guideId: string; link: string });
    const lazy = exported[0]!;
    const status = async (id: string) => (await db.query<{ status: string }>(`SELECT status FROM guides WHERE id = $1`, [id]))[0]?.status;
    expect(await status(lazy.guideId)).toBe('pending');

    // Renders take 1.5 s each (waiting, the event loop free), two at a time.
    const renderer = fakeRenderer({ delayMs: 1500 });
    const { logger, logs } = memoryLogger();
    const worker = await startRenderWorker({ config, db, logger, redisUrl: redis.url, renderer });
    stacks.defer(() => worker.close());
    const counts = async () =>
      Object.fromEntries(
        (await db.query<{ status: string; n: number }>(`SELECT status, count(*) AS n FROM guides GROUP BY status`)).map((r) => [r.status, r.n]),
      );
    await waitUntil(async () => (await counts()).rendering === 2 && renderer.renders.size >= 2, 30_000, 'two renders in flight after two done');
    const link = lazy.link;
    expect((await fetch(`${api.url}/api/access/${link.slice(link.lastIndexOf('/') + 1)}`)).status).toBe(200);
    await waitUntil(async () => (await status(lazy.guideId)) === 'queued', 10_000, 'the lazy guide to be flipped to queued');

    // Redis loses the queue: waiting jobs, the active ones and their locks, the lazy guide's new job.
    const deleted = await flushPrefix(redis.url, config.queuePrefix);
    expect(deleted).toBeGreaterThan(0);
    const all = [...direct, lazy.guideId];
    await waitUntil(async () => (await counts()).ready === all.length, 60_000, 'every guide to be rendered', 250);
    await new Promise((r) => setTimeout(r, 2000));
    const restored = logs.filter((l) => l.includes('render jobs restored from the database')).map((l) => (JSON.parse(l) as { restored: number }).restored);
    console.info(
      `reconcile (render): ${deleted} queue keys deleted, ${restored.join(' + ')} jobs restored, renders ${JSON.stringify([...renderer.renders.values()])}`,
    );
    expect(restored.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    for (const id of all) {
      expect(renderer.renders.get(id), `renders of ${id}`).toBe(1);
      // Not even started twice: the guides rendering when their jobs vanished kept their lease.
      expect(renderer.started.get(id), `render starts of ${id}`).toBe(1);
    }
  }, 90_000);

  it('sends every notification exactly once after the queue keys vanish mid-batch', async () => {
    const CONSENTING = 40;
    const { redis, api, config, db } = await setUp('reconcile-notify');
    await emailCampaign(api, { consenting: CONSENTING, declined: 5, seed: 'fault-reconcile-notify' });
    const inbox = new Inbox();
    const sink = await startMailSink((m) => inbox.add(m.to));
    stacks.defer(() => sink.close());
    const { logger, logs } = memoryLogger();
    const notifier: RunningNotifier = await startNotifier({
      config,
      db,
      logger,
      redisUrl: redis.url,
      // Slow on purpose (8 a second): most of the batch is waiting in the queue when it vanishes.
      settings: {
        smtpUrl: sink.url,
        ratePerSecond: { email: 8, sms: 1, app: 1, pec: 1 },
        concurrency: 3,
        lockDurationMs: 4000,
        outboxPollMs: 200,
        backoffMs: 300,
        reconcileIntervalMs: 1000,
      },
    });
    stacks.defer(() => notifier.close());
    await waitUntil(() => inbox.total >= 8, 30_000, 'the first emails');
    const deleted = await flushPrefix(redis.url, config.queuePrefix);
    expect(deleted).toBeGreaterThan(0);
    await waitUntil(async () => (await statusCounts(db)).sent === CONSENTING, 60_000, 'every notification to be sent', 250);
    await new Promise((r) => setTimeout(r, 1500));
    const recovered = logs
      .filter((l) => l.includes('notifications whose jobs were lost are back in the outbox'))
      .map((l) => (JSON.parse(l) as { recovered: number }).recovered);
    console.info(`reconcile (notify): ${deleted} queue keys deleted, ${recovered.join(' + ')} notifications put back, ${inbox.total} emails`);
    expect(recovered.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(inbox.problems(Array.from({ length: CONSENTING }, (_, i) => emailOf(i)))).toEqual([]);
    expect(inbox.total).toBe(CONSENTING);
  }, 90_000);
});
