import { afterAll, describe, expect, it } from 'vitest';
import { generateEnvelopes } from '../compositions/generator/generate';
import { createGuide, OPERATOR_KEY } from './helpers/fault-api';
import { FaultStacks } from './helpers/fault-stack';
import { waitUntil } from './helpers/services';

/**
 * Issue #15: PostgreSQL frozen (SIGSTOP to its whole process group: the connections stay open, the
 * kernel still accepts new ones, nothing answers) while the API serves. Before the bound, a request
 * that reached the database waited for ever. Now every database route answers 503 with Retry-After
 * within DATABASE_QUERY_TIMEOUT_MS (a query sent on an open connection) or DATABASE_CONNECT_TIMEOUT_MS
 * (a new connection, or a wait for a free one), both 2 s here; after SIGCONT the same API process
 * serves again by itself. The API, PostgreSQL and Redis are the test's own processes.
 */

const BOUND_MS = 2000;
/** Above the bound: the request's own work and a loaded machine's scheduling; far below "for ever". */
const SLACK_MS = 4000;

const stacks = new FaultStacks();
afterAll(() => stacks.close());

interface Answer {
  what: string;
  status: number;
  ms: number;
  retryAfter: string | null;
}

describe('PostgreSQL frozen while the API serves', () => {
  it('database routes answer 503 with Retry-After within the bound, and serve again after SIGCONT', async () => {
    const { pg: pgs, api } = await stacks.start('pg-stall', {
      DATABASE_QUERY_TIMEOUT_MS: String(BOUND_MS),
      DATABASE_CONNECT_TIMEOUT_MS: String(BOUND_MS),
    });
    // Resumed before anything else is closed, should the test fail while it is frozen.
    stacks.defer(() => pgs.resume());
    const headers = { authorization: `Bearer ${OPERATOR_KEY}`, 'content-type': 'application/json' };
    const [envelope] = [...generateEnvelopes('naspi', 1, 'fault-pg-stall')];
    const { id, token } = await createGuide(api, envelope);
    const routes: Record<string, () => Promise<Response>> = {
      // A citizen's link: the token lookup.
      access: () => fetch(`${api.url}/api/access/${token}`, { signal: AbortSignal.timeout(30_000) }),
      // An operator's read: the key check, then the guide.
      guide: () => fetch(`${api.url}/api/guides/${id}`, { headers, signal: AbortSignal.timeout(30_000) }),
      // A write in a transaction.
      create: () => {
        const [e] = [...generateEnvelopes('naspi', 1, `fault-pg-stall-${Math.random()}`)];
        return fetch(`${api.url}/api/guides`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ ...(e as object), notify: false }),
          signal: AbortSignal.timeout(30_000),
        });
      },
    };
    const ask = async (what: string): Promise<Answer> => {
      const t = performance.now();
      try {
        const res = await routes[what]!();
        await res.arrayBuffer();
        return { what, status: res.status, ms: performance.now() - t, retryAfter: res.headers.get('retry-after') };
      } catch {
        // Aborted at 30 s: the request hung.
        return { what, status: 0, ms: performance.now() - t, retryAfter: null };
      }
    };
    // Warm: every route works, and the pool holds open connections (queries are sent on them).
    for (const what of Object.keys(routes)) expect((await ask(what)).status).toBeLessThan(300);

    pgs.pause();
    // Two rounds, each route several times at once: the first finds the pool's open connections
    // (query_timeout), the next needs new ones (connect timeout) or waits for a free slot.
    const frozen: Answer[] = [];
    for (let round = 0; round < 2; round++) {
      frozen.push(...(await Promise.all(Object.keys(routes).flatMap((what) => [ask(what), ask(what), ask(what), ask(what)]))));
    }
    const ready = await fetch(`${api.url}/readyz`);
    expect(ready.status).toBe(503);
    expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
    console.info(`postgres frozen: ${frozen.map((a) => `${a.what} ${a.status} ${Math.round(a.ms)} ms`).join(', ')}`);
    expect(frozen.filter((a) => a.status !== 503 || !a.retryAfter)).toEqual([]);
    expect(frozen.filter((a) => a.ms > BOUND_MS + SLACK_MS)).toEqual([]);
    expect(api.output()).toContain('database unavailable: answering 503');

    pgs.resume();
    // Recovery by itself: the same API process, not restarted.
    await waitUntil(
      async () => {
        const answers = await Promise.all(Object.keys(routes).map((what) => ask(what)));
        return answers.every((a) => a.status >= 200 && a.status < 300);
      },
      30_000,
      'every route to answer again after SIGCONT',
    ).catch((err: Error) => {
      throw new Error(`${err.message}\n${api.output().slice(-3000)}`);
    });
    expect(api.child.exitCode).toBeNull();
    expect(api.output()).not.toContain('unhandled error');
    expect((await fetch(`${api.url}/readyz`)).status).toBe(200);
    await api.stop();
  }, 120_000);
});
