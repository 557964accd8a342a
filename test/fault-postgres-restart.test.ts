import { afterAll, describe, expect, it } from 'vitest';
import { generateEnvelopes } from '../compositions/generator/generate';
import { createGuide, OPEN_EVENT_LIMITS, OPERATOR_KEY, viewBatch } from './helpers/fault-api';
import { FaultStacks } from './helpers/fault-stack';
import { waitUntil } from './helpers/services';

/**
 * PostgreSQL SIGKILLed (its whole process group) and restarted under load, the API left running:
 * while the database is away every request that needs it answers 503 with Retry-After within a few
 * seconds (never 500, never a hang), /readyz says not ready, /healthz stays up; once the database is
 * back the same API process serves again by itself — operators included (the outage's key checks
 * are not failed attempts) — and every event it answered 202 is stored, once. Found: the API died
 * (an 'error' event of a checked-out pg client, unhandled), answered 500 instead of 503, and locked
 * the operator's address out for 15 minutes after the outage. The API, PostgreSQL and Redis are the
 * test's own processes.
 */

const stacks = new FaultStacks();
afterAll(() => stacks.close());

interface Answer {
  at: number;
  what: 'events' | 'access' | 'guides';
  status: number;
  ms: number;
  retryAfter: string | null;
}

describe('PostgreSQL restarted under load', () => {
  it('the API answers 503 while it is down and recovers by itself; every event answered 202 is stored', async () => {
    const { pg: pgServer, api, openDb } = await stacks.start('pg-restart', OPEN_EVENT_LIMITS);
    const headers = { authorization: `Bearer ${OPERATOR_KEY}`, 'content-type': 'application/json' };
    const envelopes = [...generateEnvelopes('naspi', 30, 'fault-pg-restart')];
    const tokens: string[] = [];
    for (const e of envelopes.slice(0, 6)) tokens.push((await createGuide(api, e)).token);

    const answers: Answer[] = [];
    const accepted = new Set<string>();
    let stop = false;
    let next = 6;
    const timed = async (what: Answer['what'], run: () => Promise<Response>, onOk?: () => void) => {
      const t = Date.now();
      try {
        const res = await run();
        await res.arrayBuffer();
        answers.push({ at: t, what, status: res.status, ms: Date.now() - t, retryAfter: res.headers.get('retry-after') });
        if (res.status < 300) onOk?.();
      } catch {
        answers.push({ at: t, what, status: 0, ms: Date.now() - t, retryAfter: null });
      }
    };
    const loop = async (n: number) => {
      for (let i = 0; !stop; i++) {
        const token = tokens[(n + i) % tokens.length]!;
        if (n < 4) {
          const batch = viewBatch(token, 10);
          await timed(
            'events',
            () => fetch(`${api.url}/api/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(batch) }),
            () => batch.events.forEach((e) => accepted.add(e.id)),
          );
        } else if (n === 4) {
          await timed('access', () => fetch(`${api.url}/api/access/${token}`));
        } else {
          const e = envelopes[next++ % envelopes.length] as object;
          await timed('guides', () => fetch(`${api.url}/api/guides`, { method: 'POST', headers, body: JSON.stringify({ ...e, notify: false }) }));
          await new Promise((r) => setTimeout(r, 100));
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const loops = Array.from({ length: 6 }, (_, n) => loop(n));
    const ok = (a: Answer) => a.status >= 200 && a.status < 300;

    await waitUntil(() => answers.filter(ok).length >= 100, 30_000, 'load before the outage');
    const killedAt = Date.now();
    await pgServer.kill();
    // The outage: the database is away for a few seconds while the load goes on.
    const histogram = (from: number) =>
      JSON.stringify(
        answers
          .filter((a) => a.at > from)
          .reduce<Record<string, number>>((h, a) => ((h[`${a.what} ${a.status}`] = (h[`${a.what} ${a.status}`] ?? 0) + 1), h), {}),
      );
    await waitUntil(
      () => Date.now() - killedAt > 3000 && answers.filter((a) => a.at > killedAt + 300 && a.status === 503).length >= 30,
      30_000,
      '503 answers while the database is down',
    ).catch((err: Error) => {
      throw new Error(`${err.message}: ${histogram(killedAt)}\n${api.output().slice(-3000)}`);
    });
    const ready = await fetch(`${api.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { checks: { database: boolean } }).checks.database).toBe(false);
    expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
    const restartedAt = Date.now();
    await pgServer.start();
    // Recovery by itself: the same API process, not restarted.
    await waitUntil(
      () =>
        answers.filter((a) => a.at > restartedAt && ok(a)).length >= 60 &&
        ['events', 'access', 'guides'].every((w) => answers.some((a) => a.at > restartedAt && a.what === w && ok(a))),
      60_000,
      'the API to serve again',
    ).catch((err: Error) => {
      throw new Error(`${err.message}: during ${histogram(killedAt)}, after ${histogram(restartedAt)}\n${api.output().slice(-3000)}`);
    });
    stop = true;
    await Promise.all(loops);
    expect(api.child.exitCode).toBeNull();
    expect((await fetch(`${api.url}/readyz`)).status).toBe(200);

    const during = answers.filter((a) => a.at > killedAt + 300 && a.at < restartedAt);
    const statuses = [...new Set(during.map((a) => a.status))].sort();
    console.info(
      `postgres restart: ${answers.length} requests, ${during.length} while down (statuses ${statuses.join(', ')}, slowest ${Math.max(...during.map((a) => a.ms))} ms), ${accepted.size} events answered 202`,
    );
    // While it is down: 503 with Retry-After, answered promptly (a request that reached the database
    // just before the kill may still get its 2xx).
    expect(during.filter((a) => !ok(a) && a.status !== 503)).toEqual([]);
    expect(during.filter((a) => a.status === 503 && !a.retryAfter)).toEqual([]);
    expect(Math.max(...during.map((a) => a.ms))).toBeLessThan(10_000);
    expect(answers.filter((a) => a.status === 500 || a.status === 0)).toEqual([]);

    // Nothing answered 202 was lost: the events are in the database, once.
    const db = await openDb(2);
    const ids = [...accepted];
    const [{ n: found }] = (await db.query<{ n: number }>(`SELECT count(*) AS n FROM events WHERE id = ANY($1::uuid[])`, [ids])) as [{ n: number }];
    expect(found).toBe(ids.length);
    await api.stop();
  }, 90_000);
});
