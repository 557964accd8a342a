import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decomposeRange } from '../server/analytics/periods';
import { insertTokens } from '../server/db/tokens';
import { mintTokens } from '../server/db/token-derivation';
import { BACKENDS } from './helpers/databases';
import { call, startTestApi, type TestApi } from './helpers/api';

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const daysOf = (r: { grain: string; from: string; to: string }): string[] => {
  const out: string[] = [];
  for (let t = Date.parse(`${r.from}T00:00:00Z`); t <= Date.parse(`${r.to}T00:00:00Z`); t += DAY) {
    const d = new Date(t);
    if (r.grain === 'd') out.push(iso(t));
    else if (r.grain === 'm' && d.getUTCDate() === 1) {
      for (let x = t; new Date(x).getUTCMonth() === d.getUTCMonth(); x += DAY) out.push(iso(x));
    } else if (r.grain === 'y' && d.getUTCDate() === 1 && d.getUTCMonth() === 0) {
      for (let x = t; new Date(x).getUTCFullYear() === d.getUTCFullYear(); x += DAY) out.push(iso(x));
    }
  }
  return out;
};

describe('date ranges over day, month and year cells', () => {
  it('cover every day of the range exactly once, with at most five ranges', () => {
    const day = fc.integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2027, 11, 31) }).map((t) => iso(t - (t % DAY)));
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const ranges = decomposeRange(from, to);
        expect(ranges.length).toBeLessThanOrEqual(5);
        const covered = ranges.flatMap(daysOf);
        const expected: string[] = [];
        for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY) expected.push(iso(t));
        expect(covered).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('uses whole years and months where they fit', () => {
    expect(decomposeRange('2023-12-30', '2025-02-02')).toEqual([
      { grain: 'd', from: '2023-12-30', to: '2023-12-31' },
      { grain: 'y', from: '2024-01-01', to: '2024-01-01' },
      { grain: 'm', from: '2025-01-01', to: '2025-01-01' },
      { grain: 'd', from: '2025-02-01', to: '2025-02-02' },
    ]);
  });
});

describe.each(BACKENDS)('date filters on %s', (backend) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ backend, label: 'analytics_periods' });
    // Guides produced at chosen instants (the production day is the Rome calendar day), one view each.
    const instants = ['2024-03-31T21:59:00Z', '2024-03-31T22:30:00Z', '2024-04-15T10:00:00Z', '2024-12-31T23:30:00Z', '2025-06-01T08:00:00Z'];
    const ids = instants.map(() => randomUUID());
    for (const [i, at] of instants.entries()) {
      await api.db.query(
        `INSERT INTO guides (id, type, type_version, locale, external_ref, province, data, duration_frames, expires_at, created_at)
         VALUES ($1, 'auu', '1', 'it', $2, 'TO', '{}', 900, now() + interval '30 days', $3)`,
        [ids[i], `period-${i}`, at],
      );
    }
    // One email each, created and sent today: "notified" still falls on the guide's production day.
    for (const id of ids) {
      await api.db.query(
        `INSERT INTO notifications (id, guide_id, channel, token_channel, guide_type, province, fiscal_code_hmac)
         VALUES ($1, $2, 'email', 'email', 'auu', 'TO', 'h')`,
        [randomUUID(), id],
      );
    }
    await api.db.query(`UPDATE notifications SET status = 'sent', sent_at = now() WHERE guide_type = 'auu'`);
    const minted = mintTokens(api.ctx.secrets.tokenSecret, ids, ['email']);
    await insertTokens(
      api.db,
      minted.map((m) => ({ ...m, expiresAt: new Date(Date.now() + 30 * DAY) })),
    );
    for (const m of minted) {
      const res = await fetch(`${api.url}/api/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: m.token, events: [{ id: randomUUID(), viewId: randomUUID(), kind: 'play', at: new Date().toISOString(), frame: 0 }] }),
      });
      expect(res.status).toBe(202);
    }
  });
  afterAll(async () => {
    await api?.close();
  });

  const figures = async (q: string) => {
    const s = await (await call(api, 'GET', `/api/stats?type=auu${q}`, { key: api.analystKey })).json();
    return { produced: s.produced, viewers: s.viewers, notified: s.notified.email };
  };

  it('counts a guide on its production day in Europe/Rome', async () => {
    expect(await figures('&from=2024-03-31&to=2024-03-31')).toEqual({ produced: 1, viewers: 1, notified: 1 });
    expect(await figures('&from=2024-04-01&to=2024-04-30')).toEqual({ produced: 2, viewers: 2, notified: 2 });
    expect(await figures('&from=2025-01-01')).toEqual({ produced: 2, viewers: 2, notified: 2 });
    expect(await figures('&to=2024-12-31')).toEqual({ produced: 3, viewers: 3, notified: 3 });
    expect(await figures('&from=2024-01-01&to=2025-12-31')).toEqual({ produced: 5, viewers: 5, notified: 5 });
    expect(await figures('')).toEqual({ produced: 5, viewers: 5, notified: 5 });
    expect(await figures('&from=2026-01-01')).toEqual({ produced: 0, viewers: 0, notified: 0 });
    expect(await figures('&province=TO&channel=email&from=2024-04-02&to=2025-01-01')).toEqual({ produced: 2, viewers: 2, notified: 2 });
    expect(await figures('&province=RM')).toEqual({ produced: 0, viewers: 0, notified: 0 });
  });

  it('keeps the figures after the guides are purged', async () => {
    await api.db.query(`DELETE FROM guides WHERE type = 'auu'`);
    expect(await figures('')).toEqual({ produced: 5, viewers: 5, notified: 5 });
  });
});
