import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuide } from '../server/guides/create-guide';
import { checkEnvelope } from '../server/guides/prepare';
import type { Envelope } from '../compositions/guide-types';
import { generateEnvelopes } from '../compositions/generator/generate';
import { startNotifier, type RunningNotifier } from '../notifier/start';
import { reconcileQueue } from '../render-worker/reconcile';
import { fiscalCodeHmac } from '../server/fiscal-code-hmac';
import { applyConsentChanges } from '../server/notify/consents';
import { renderJobId } from '../server/queues';
import { call, startTestApi, tokenOf, type TestApi } from './helpers/api';
import { startRedisProcess, type RedisProcess } from './helpers/redis-process';
import { waitUntil } from './helpers/services';

/**
 * Issue #15, finding 3: with Redis stalled (SIGSTOP: connected, answering nothing), every route
 * answers within a bound — 503 with Retry-After where it needs Redis, 200 where the database is
 * enough — and the database is never held by a transaction waiting on Redis (PGlite has one
 * connection). A redis-server of this file's own is stopped, never the shared one.
 */

const COMMAND_TIMEOUT_MS = 300;
/** Generous against the 300 ms command timeout; far below the old hang (forever, or 25 s and more). */
const BOUND_MS = 10_000;

type Personal = Envelope & { citizen: { fiscalCode: string }; externalRef: string };
const people = [...generateEnvelopes('naspi', 3, 'redis-stall')].map((raw) => {
  const c = checkEnvelope(raw);
  if (!c.ok) throw new Error('generator produced an invalid envelope');
  return c.envelope as Personal;
});

async function timed<T>(p: Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await p;
  return { value, ms: performance.now() - started };
}

let redis: RedisProcess;
let api: TestApi;
let notifier: RunningNotifier;

beforeAll(async () => {
  redis = await startRedisProcess();
  api = await startTestApi({ backend: 'pglite', label: 'redis-stall', redisUrl: redis.url, env: { REDIS_COMMAND_TIMEOUT_MS: String(COMMAND_TIMEOUT_MS) } });
  // Every citizen opted in to email, so each guide writes an outbox row the relay moves to Redis.
  await applyConsentChanges(
    api.db,
    people.map((p, i) => ({ hmac: fiscalCodeHmac(api.ctx.secrets.fiscalCodeHmacKey, p.citizen.fiscalCode), proactive: true, email: `citizen${i}@example.it` })),
    'upstream',
    'redis-stall',
  );
  // The notifier in the same process on the same PGlite, as npm start runs it.
  notifier = await startNotifier({ config: api.config, db: api.db, logger: api.ctx.logger, redisUrl: redis.url, settings: { outboxPollMs: 50 } });
}, 60_000);

afterAll(async () => {
  redis?.resume();
  await notifier?.close();
  await api?.close();
  await redis?.close();
});

const enqueued = async (guideId: string) => {
  const rows = await api.db.query<{ n: number }>(`SELECT count(*) AS n FROM notifications WHERE guide_id = $1 AND enqueued_at IS NOT NULL`, [guideId]);
  return rows[0]!.n > 0;
};

describe('Redis stalled (SIGSTOP)', () => {
  it('answers every route within a bound (503 with Retry-After, or served from the database), and recovers after SIGCONT', async () => {
    // Healthy: a guide, its render job and its notification on the queue.
    const first = await call(api, 'POST', '/api/guides', { body: people[0] });
    expect(first.status).toBe(201);
    const a = (await first.json()) as { id: string; links: { qr: string } };
    await waitUntil(() => enqueued(a.id), 20_000, 'the first notification on the queue', 50);
    const token = tokenOf(a.links.qr);

    redis.pause();

    // A wrong API key must spend the failure budget, which needs Redis: 503 with Retry-After, never
    // an uncounted 401, and not a hang.
    const post = await timed(call(api, 'POST', '/api/guides', { body: people[1], key: `vg_op_${'x'.repeat(32)}` }));
    expect(post.value.status).toBe(503);
    expect(post.value.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await post.value.json()) as { error: { code: string } }).error.code).toBe('unavailable');
    expect(post.ms).toBeLessThan(BOUND_MS);
    // A valid key never touches the budget: a database-only operator route is served.
    const campaigns = await timed(call(api, 'GET', '/api/campaigns'));
    expect(campaigns.value.status).toBe(200);
    expect(campaigns.ms).toBeLessThan(BOUND_MS);

    // Guide creation itself (the path of POST /api/guides past its key check, of triggers and the
    // demo guides) commits, then fails its render enqueue within the bound: the guide stays 'queued'.
    const created = await timed(createGuide(api.ctx, people[2]!, { notify: true }));
    expect(created.value.created).toBe(true);
    expect(created.ms).toBeLessThan(BOUND_MS);
    const b = created.value;

    // The outbox relay now waits on Redis with b's notification; it holds no transaction meanwhile,
    // so PGlite's single connection keeps serving every database route.
    const relayPass = notifier.relay.drain();

    const ready = await timed(fetch(`${api.url}/readyz`));
    expect(ready.value.status).toBe(503);
    expect(await ready.value.json()).toEqual({ status: 'not ready', checks: { database: true, redis: false } });
    expect(ready.ms).toBeLessThan(BOUND_MS);

    // A citizen's link needs the database only: the general per-address budget fails open.
    const manifest = await timed(fetch(`${api.url}/api/access/${token}`));
    expect(manifest.value.status).toBe(200);
    expect(manifest.ms).toBeLessThan(BOUND_MS);
    const page = await timed(fetch(`${api.url}/g/${token}`));
    expect(page.value.status).toBe(200);
    expect(page.ms).toBeLessThan(BOUND_MS);

    // An unknown token must spend the miss budget, which needs Redis: 503, never an uncounted 404.
    const miss = await timed(fetch(`${api.url}/g/${'x'.repeat(32)}`));
    expect(miss.value.status).toBe(503);
    expect(miss.value.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(miss.ms).toBeLessThan(BOUND_MS);

    // Event batches need their per-address and per-link budgets: 503 with Retry-After (the player retries).
    const events = await timed(
      fetch(`${api.url}/api/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, events: [] }) }),
    );
    expect(events.value.status).toBe(503);
    expect(events.value.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(events.ms).toBeLessThan(BOUND_MS);

    // The guide created during the stall is in the database, waiting for its render and notification.
    const [row] = await api.db.query<{ status: string }>(`SELECT status FROM guides WHERE id = $1`, [b.id]);
    expect(row!.status).toBe('queued');
    expect(await enqueued(b.id)).toBe(false);

    redis.resume();

    // The relay's pending write goes through: the notification reaches the queue.
    await relayPass;
    await waitUntil(() => enqueued(b.id), 20_000, 'the notification written during the stall on the queue', 50);
    // Its render job: the timed-out write was still in the socket and Redis may have run it on
    // waking; whether or not, the reconcile restores from the database what the queue lacks.
    const [{ type_version }] = (await api.db.query<{ type_version: string }>(`SELECT type_version FROM guides WHERE id = $1`, [b.id])) as [
      { type_version: string },
    ];
    await reconcileQueue(api.db, api.ctx.renderQueue, api.ctx.logger);
    expect(['waiting', 'prioritized', 'delayed']).toContain(await api.ctx.renderQueue.getJobState(renderJobId(b.id, type_version)));

    // Everything answers as before.
    expect((await fetch(`${api.url}/readyz`)).status).toBe(200);
    const again = await call(api, 'POST', '/api/guides', { body: { ...people[1], externalRef: `${people[1]!.externalRef}-after` } });
    expect(again.status).toBe(201);
    expect((await fetch(`${api.url}/g/${'x'.repeat(32)}`)).status).toBe(404);
  }, 60_000);
});
