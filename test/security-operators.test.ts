import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../server/config';
import { call } from './helpers/api';
import { useTestApi, withTestApi, useTestDatabase } from './helpers/test-api-hooks';

const basic = (key: string) => `Basic ${Buffer.from(`operator:${key}`).toString('base64')}`;
const METRICS_KEY = 'm'.repeat(40);

// Issue #15, finding 9: Bull Board took cross-site POSTs with cached Basic credentials, /metrics was
// public, API-key routes had no limit on failed attempts and any non-empty key was accepted in config.
describe('operator surfaces (PGlite)', () => {
  const db = useTestDatabase('pglite', 'security_operators');
  const api = useTestApi({ db, backend: 'pglite', label: 'operators', env: { METRICS_KEY } });

  const board = (path: string, method: string, headers: Record<string, string>, body?: string) =>
    fetch(`${api.url}/admin/queues${path}`, { method, headers: { authorization: basic(api.operatorKey), ...headers }, body });

  it('refuses Bull Board writes a page of another site made the browser send, and takes its own', async () => {
    const paused = () => api.ctx.renderQueue.isPaused();
    const waiting = async () => (await api.ctx.renderQueue.getJobCounts('waiting', 'prioritized', 'paused')) as Record<string, number>;
    const before = await waiting();
    const forged: Record<string, string>[] = [
      { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
      { 'sec-fetch-site': 'same-site', origin: 'https://other.istituto.example' },
      { origin: 'https://evil.example' },
      { origin: 'null' },
    ];
    for (const headers of forged) {
      const pause = await board('/api/queues/pause', 'PUT', headers);
      expect(pause.status, JSON.stringify(headers)).toBe(403);
      expect((await pause.json()).error).toMatchObject({ code: 'cross_origin', field: 'Origin' });
      const add = await board('/api/queues/render/add', 'POST', { ...headers, 'content-type': 'text/plain' }, 'name=x');
      expect(add.status).toBe(403);
      await add.arrayBuffer();
    }
    expect(await paused()).toBe(false);
    expect(await waiting()).toEqual(before);
    // Its own pages (Sec-Fetch-Site same-origin, or Origin of this server) and programs without Origin.
    expect((await board('/api/queues/pause', 'PUT', { 'sec-fetch-site': 'same-origin', origin: api.url })).status).toBe(200);
    expect(await paused()).toBe(true);
    expect((await board('/api/queues/resume', 'PUT', { origin: api.url })).status).toBe(200);
    expect((await board('/api/queues/pause', 'PUT', {})).status).toBe(200);
    expect((await board('/api/queues/resume', 'PUT', {})).status).toBe(200);
    expect(await paused()).toBe(false);
    // Reading stays open to the logged-in browser, whatever the site.
    expect((await board('/api/queues', 'GET', { 'sec-fetch-site': 'cross-site' })).status).toBe(200);
  });

  it('takes Basic credentials only on Bull Board: elsewhere a browser-cached key opens nothing', async () => {
    const res = await fetch(`${api.url}/api/campaigns`, {
      method: 'POST',
      headers: { authorization: basic(api.operatorKey), 'content-type': 'application/json' },
      body: JSON.stringify({ guideType: 'red', name: 'x' }),
    });
    expect(res.status).toBe(401);
    expect((await call(api, 'GET', '/api/campaigns')).status).toBe(200);
  });

  it('serves /metrics only with METRICS_KEY as Bearer, and not at all without one configured', async () => {
    expect((await fetch(`${api.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${api.url}/metrics`, { headers: { authorization: `Bearer ${'x'.repeat(40)}` } })).status).toBe(401);
    expect((await fetch(`${api.url}/metrics`, { headers: { authorization: `Bearer ${api.operatorKey}` } })).status).toBe(401);
    const ok = await fetch(`${api.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_KEY}` } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('videoguida_token_lookups_total');
    await withTestApi({ db, backend: 'pglite', label: 'operators_nometrics' }, async (without) => {
      const res = await fetch(`${without.url}/metrics`);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'not found', field: null } });
    });
  });

  it('limits failed API-key attempts per address, atomically: 20 concurrent guesses against a budget of 5', async () => {
    await withTestApi({ db, backend: 'pglite', label: 'operators_keys', rateLimits: { keyFailures: 5, keyFailureWindowSeconds: 600 } }, async (limited) => {
      // Valid keys are not counted: many requests with good keys spend nothing.
      for (let i = 0; i < 12; i++)
        expect((await call(limited, 'GET', '/api/campaigns', { key: i % 2 ? limited.operatorKey : limited.analystKey })).status).toBe(200);
      const guesses = await Promise.all(
        Array.from({ length: 20 }, (_, i) => call(limited, 'GET', '/api/campaigns', { key: `vg_op_guess${String(i).padStart(30, '0')}` })),
      );
      const statuses = guesses.map((r) => r.status);
      expect(statuses.filter((s) => s === 401)).toHaveLength(5);
      expect(statuses.filter((s) => s === 429)).toHaveLength(15);
      const refused = guesses.find((r) => r.status === 429)!;
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(500);
      expect((await refused.json()).error).toMatchObject({ code: 'rate_limited', message: expect.stringContaining('failed API-key attempts') });
      // Past the budget every further guess is refused until the window ends, Bull Board's included.
      expect((await call(limited, 'GET', '/api/campaigns', { key: `vg_op_${'y'.repeat(32)}` })).status).toBe(429);
      expect((await fetch(`${limited.url}/admin/queues/api/queues`, { headers: { authorization: basic(`vg_op_${'y'.repeat(32)}`) } })).status).toBe(429);
      // No key at all is not an attempt: the login prompt still comes.
      expect((await fetch(`${limited.url}/admin/queues`)).status).toBe(401);
      // The public routes are not concerned.
      expect((await fetch(`${limited.url}/healthz`)).status).toBe(200);
      await Promise.all(guesses.filter((r) => r !== refused).map((r) => r.arrayBuffer()));
    });
  });

  it('never counts a valid key: waves of 100 concurrent requests with good keys all pass a budget of 5', async () => {
    // Each check used to take a slot and a refused check kept it: waves of 25 valid requests against
    // a budget of 20 got 20, 15, 5, then 0 through, and the upstream was locked out for the window.
    await withTestApi({ db, backend: 'pglite', label: 'operators_valid', rateLimits: { keyFailures: 5, keyFailureWindowSeconds: 600 } }, async (limited) => {
      for (let wave = 0; wave < 4; wave++) {
        const replies = await Promise.all(
          Array.from({ length: 100 }, (_, i) => call(limited, 'GET', '/api/campaigns', { key: i % 2 ? limited.operatorKey : limited.analystKey })),
        );
        expect(
          replies.map((r) => r.status),
          `wave ${wave}`,
        ).toEqual(Array(100).fill(200));
        await Promise.all(replies.map((r) => r.arrayBuffer()));
      }
      // The whole budget is still there afterwards.
      const guesses = await Promise.all(
        Array.from({ length: 6 }, (_, i) => call(limited, 'GET', '/api/campaigns', { key: `vg_op_wave${String(i).padStart(30, '0')}` })),
      );
      expect(guesses.map((r) => r.status).sort()).toEqual([401, 401, 401, 401, 401, 429]);
      await Promise.all(guesses.map((r) => r.arrayBuffer()));
    });
  });

  it('accepts a valid key from an address past its failure budget: a guesser behind the same NAT locks no operator out', async () => {
    await withTestApi(
      {
        db,
        backend: 'pglite',
        label: 'operators_nat',
        env: { METRICS_KEY },
        rateLimits: { keyFailures: 3, keyFailureWindowSeconds: 600 },
      },
      async (limited) => {
        const guesses = await Promise.all(
          Array.from({ length: 10 }, (_, i) => call(limited, 'GET', '/api/campaigns', { key: `vg_op_nat${String(i).padStart(30, '0')}` })),
        );
        expect(guesses.filter((r) => r.status === 429)).toHaveLength(7);
        await Promise.all(guesses.map((r) => r.arrayBuffer()));
        // The address is over its budget: guesses stay refused, valid keys of every kind are served.
        expect((await call(limited, 'GET', '/api/campaigns', { key: `vg_op_${'z'.repeat(32)}` })).status).toBe(429);
        expect((await fetch(`${limited.url}/metrics`, { headers: { authorization: `Bearer ${'x'.repeat(40)}` } })).status).toBe(429);
        const valid = await Promise.all([
          ...Array.from({ length: 30 }, () => call(limited, 'GET', '/api/campaigns')),
          call(limited, 'GET', '/api/campaigns', { key: limited.analystKey }),
          call(limited, 'POST', '/api/campaigns', { body: { guideType: 'red', name: 'after the guesser' } }),
          fetch(`${limited.url}/admin/queues/api/queues`, { headers: { authorization: basic(limited.operatorKey) } }),
          fetch(`${limited.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_KEY}` } }),
        ]);
        expect(valid.map((r) => r.status)).toEqual([...Array(31).fill(200), 201, 200, 200]);
        await Promise.all(valid.map((r) => r.arrayBuffer()));
        // A valid key of the wrong role is a 403, not a guess, and spends nothing either.
        expect((await call(limited, 'POST', '/api/campaigns', { key: limited.analystKey, body: { guideType: 'red', name: 'x' } })).status).toBe(403);
      },
    );
  });
});

describe('keys in the configuration', () => {
  const problems = (env: Record<string, string>) => {
    try {
      loadConfig(env);
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      return (e as ConfigError).problems;
    }
    return [];
  };

  it.each([
    ['OPERATOR_KEY', 'secret', /OPERATOR_KEY must be at least 32 characters \(got 6\)/],
    ['ANALYST_KEY', 'a'.repeat(31), /ANALYST_KEY must be at least 32 characters \(got 31\)/],
    ['METRICS_KEY', 'short', /METRICS_KEY must be at least 32 characters/],
    ['OPERATOR_KEY', 'k'.repeat(201), /OPERATOR_KEY must be at most 200 characters/],
    ['ANALYST_KEY', `${'a'.repeat(20)} ${'b'.repeat(20)}`, /ANALYST_KEY must not contain spaces/],
  ])('refuses %s=%j naming the variable', (variable, value, message) => {
    expect(problems({ [variable]: value })).toEqual([{ variable, message: expect.stringMatching(message) }]);
  });

  it('refuses one key for two roles, and accepts distinct long keys', () => {
    const k = 'k'.repeat(40);
    expect(problems({ OPERATOR_KEY: k, ANALYST_KEY: k })).toEqual([
      { variable: 'ANALYST_KEY', message: expect.stringContaining('must differ from OPERATOR_KEY') },
    ]);
    expect(problems({ OPERATOR_KEY: k, METRICS_KEY: k })).toEqual([{ variable: 'METRICS_KEY', message: expect.stringContaining('must differ') }]);
    const c = loadConfig({ OPERATOR_KEY: 'o'.repeat(32), ANALYST_KEY: 'a'.repeat(41), METRICS_KEY: 'm'.repeat(32) });
    expect([c.operatorKey, c.analystKey?.length, c.metricsKey]).toEqual(['o'.repeat(32), 41, 'm'.repeat(32)]);
  });
});
