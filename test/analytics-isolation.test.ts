import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEnvelopes } from '../compositions/generator/generate';
import { eventWriterOf } from '../api/analytics/registry';
import type { EventRow } from '../server/analytics/event-store';
import { EventsRefusedError, EventWriter } from '../server/analytics/event-writer';
import type { Database, Queryable } from '../server/db/database';
import { migrate } from '../server/db/migrate';
import { BACKENDS, closeTestDatabase, openTestDatabase } from './helpers/databases';
import { call, startTestApi, tokenOf, type TestApi } from './helpers/api';

/**
 * Issue #15, finding 1: one batch's bad value never costs another batch its events. At the edge, an
 * event's `at` outside the window around the server's clock is refused with its field (it would make
 * PostgreSQL refuse the whole group-committed INSERT); behind the edge, a value the database still
 * refuses fails only the batch that holds it (4xx), while the batches written with it get their 202.
 */

const HOUR = 3_600_000;
const event = (view: string, kind: string, extra: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  viewId: view,
  kind,
  at: new Date().toISOString(),
  ...extra,
});
const send = (api: TestApi, body: unknown) =>
  fetch(`${api.url}/api/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const count = async (db: Queryable, sql: string, params: unknown[] = []) => Number((await db.query<{ n: number }>(sql, params))[0]!.n);

async function newGuide(api: TestApi, seed: string): Promise<{ id: string; token: string }> {
  const e = [...generateEnvelopes('naspi', 1, seed)][0]!;
  const created = await (await call(api, 'POST', '/api/guides', { body: e })).json();
  return { id: created.id, token: tokenOf(created.links.qr) };
}

/** An event row as the API would bind it (for the writer-level tests). */
const row = (guideId: string, extra: Partial<EventRow> = {}): EventRow => ({
  id: randomUUID(),
  guideId,
  guideType: 'naspi',
  campaignId: null,
  channel: 'qr',
  province: 'RM',
  viewId: randomUUID(),
  kind: 'play',
  occurredAt: new Date().toISOString(),
  frame: 0,
  sceneId: null,
  actionId: null,
  value: null,
  ...extra,
});

describe.each(BACKENDS)('event batches are isolated from each other on %s', (backend) => {
  let db: Database;
  let api: TestApi;
  beforeAll(async () => {
    db = await openTestDatabase(backend, `analytics_isolation_${backend}`);
    await migrate(db);
    api = await startTestApi({ backend, label: 'analytics_isolation', db, env: { EVENTS_FLUSH_MS: '1000', EVENTS_FLUSH_MAX_EVENTS: '12' } });
  });
  afterAll(async () => {
    await api?.close();
    if (db) await closeTestDatabase(db);
  });

  it("refuses an event dated outside the server's window with its field, and the concurrent batches of other guides are stored", async () => {
    const bad = await newGuide(api, `iso-bad-${backend}`);
    const good = await Promise.all([0, 1, 2].map((i) => newGuide(api, `iso-good-${i}-${backend}`)));
    const badView = randomUUID();
    const badBatch = {
      token: bad.token,
      events: [
        event(badView, 'play', { at: '0000-01-01T00:00:00Z' }),
        event(badView, 'rating', { value: 5, at: '9999-12-31T23:59:59Z' }),
        event(badView, 'pause', { at: new Date(Date.now() + 3 * 86_400_000).toISOString() }),
      ],
    };
    const views = good.map(() => randomUUID());
    // 4 events each: the 12 the flush waits for, so they are written in one group-committed INSERT.
    const goodBatches = good.map((g, i) => ({
      token: g.token,
      events: [event(views[i]!, 'view_start'), event(views[i]!, 'play'), event(views[i]!, 'progress', { value: 50 }), event(views[i]!, 'pause')],
    }));
    const [badAnswer, ...goodAnswers] = await Promise.all([send(api, badBatch), ...goodBatches.map((b) => send(api, b))]);

    expect(badAnswer.status).toBe(422);
    const refused = (await badAnswer.json()).error;
    expect(refused).toMatchObject({ code: 'invalid_events', field: 'events.0.at' });
    expect(refused.message).toMatch(
      /^events\.0\.at: expected a date-time from \d{4}-.*Z to \d{4}-.*Z \(at most 180 days before and 1 day after the server's clock\), got "0000-01-01T00:00:00Z"/,
    );
    expect(refused.details.map((d: { field: string }) => d.field)).toEqual(['events.0.at', 'events.1.at', 'events.2.at']);
    expect(refused.details[1].message).toContain('got "9999-12-31T23:59:59Z"');
    expect(await count(api.db, 'SELECT count(*) AS n FROM events WHERE view_id = $1', [badView])).toBe(0);

    for (const a of goodAnswers) {
      expect(a.status).toBe(202);
      expect(await a.json()).toEqual({ accepted: 4, rejected: [] });
    }
    expect(await count(api.db, 'SELECT count(*) AS n FROM events WHERE view_id = ANY($1::uuid[])', [views])).toBe(12);
  });

  it('keeps the good events of a mixed batch and stores a valid offset the database would refuse, normalised to UTC', async () => {
    const g = await newGuide(api, `iso-mixed-${backend}`);
    const view = randomUUID();
    // An hour ago, written with a +23:30 offset: valid ISO 8601, but beyond PostgreSQL's ±15:59.
    const instant = new Date(Date.now() - HOUR);
    const shifted = new Date(instant.getTime() + (23 * 60 + 30) * 60_000).toISOString().slice(0, 19) + '+23:30';
    const batch = { token: g.token, events: [event(view, 'play', { at: shifted }), event(view, 'pause', { at: '0001-01-01T00:00:00+14:00' })] };
    const res = await send(api, batch);
    expect(res.status).toBe(202);
    const report = await res.json();
    expect(report.accepted).toBe(1);
    expect(report.rejected).toEqual([{ index: 1, id: batch.events[1]!.id, field: 'at', message: expect.stringContaining('got "0001-01-01T00:00:00+14:00"') }]);
    const [stored] = await api.db.query<{ occurred_at: Date }>('SELECT occurred_at FROM events WHERE view_id = $1', [view]);
    expect(Math.floor(stored!.occurred_at.getTime() / 1000)).toBe(Math.floor(instant.getTime() / 1000));
  });

  it("caps a rating's date at the server's clock: a rating dated ahead does not stay the latest", async () => {
    const g = await newGuide(api, `iso-rating-${backend}`);
    const view = randomUUID();
    const rating = async (value: number, at: Date) => {
      expect((await send(api, { token: g.token, events: [event(view, 'rating', { value, at: at.toISOString() })] })).status).toBe(202);
      return (await api.db.query<{ rating: number; rated_at: Date }>('SELECT rating, rated_at FROM analytics_viewers WHERE guide_id = $1', [g.id]))[0]!;
    };
    // The client's clock is 20 hours ahead (inside the window): dated when the server received it.
    const first = await rating(5, new Date(Date.now() + 20 * HOUR));
    expect(first.rating).toBe(5);
    expect(first.rated_at.getTime()).toBeLessThanOrEqual(Date.now());
    // So the rating given next replaces it…
    expect((await rating(2, new Date())).rating).toBe(2);
    // …while one kept offline since an hour ago and sent now is older, and does not.
    expect((await rating(4, new Date(Date.now() - HOUR))).rating).toBe(2);
  });

  it('answers 4xx to the one batch the database refuses and 202 to the batches committed with it', async () => {
    // A value the edge lets through and the database refuses: frame 31337 is a valid position.
    await api.db.exec('ALTER TABLE events ADD CONSTRAINT test_refuse_frame CHECK (position_frame IS DISTINCT FROM 31337)');
    try {
      const bad = await newGuide(api, `iso-db-bad-${backend}`);
      const good = await Promise.all([0, 1].map((i) => newGuide(api, `iso-db-good-${i}-${backend}`)));
      const badView = randomUUID();
      const views = good.map(() => randomUUID());
      const before = { ...eventWriterOf(api.ctx)!.stats };
      // 4 + 4 + 4 = the 12 events the flush waits for: one group, whose INSERT the constraint fails.
      const answers = await Promise.all([
        send(api, {
          token: bad.token,
          events: [event(badView, 'play'), event(badView, 'seek', { frame: 31337, value: 10 }), event(badView, 'pause'), event(badView, 'play')],
        }),
        ...good.map((g, i) => send(api, { token: g.token, events: [0, 1, 2, 3].map(() => event(views[i]!, 'progress', { value: 25 })) })),
      ]);
      expect(answers.map((a) => a.status)).toEqual([422, 202, 202]);
      const refused = (await answers[0]!.json()).error;
      expect(refused).toEqual({
        code: 'events_refused',
        field: 'events',
        message:
          'events: the database refused a value that breaks one of its constraints; nothing of this batch was stored, and sending it again will not help',
      });
      expect(await count(api.db, 'SELECT count(*) AS n FROM events WHERE view_id = $1', [badView])).toBe(0);
      expect(await count(api.db, 'SELECT count(*) AS n FROM events WHERE view_id = ANY($1::uuid[])', [views])).toBe(8);
      expect(eventWriterOf(api.ctx)!.stats.refused - before.refused).toBe(1);
      // Nothing internal reached the client; the log names the SQLSTATE, never the refused row.
      expect(JSON.stringify(refused)).not.toMatch(/test_refuse_frame|31337/);
      expect(api.logs.some((l) => l.includes('event batch refused by the database') && l.includes('"code":"23514"'))).toBe(true);
      expect(api.logs.join('\n')).not.toMatch(/test_refuse_frame|31337/);
    } finally {
      await api.db.exec('ALTER TABLE events DROP CONSTRAINT test_refuse_frame');
    }
  });

  it('writer: a data error in a group insert fails only the batches holding the refused values', async () => {
    const writer = new EventWriter(db, { lingerMs: 60_000, maxEvents: 10_000 });
    const guide = randomUUID();
    const a = [row(guide), row(guide), row(guide)];
    const b = [row(guide), row(guide, { occurredAt: '0000-01-01T00:00:00Z' })];
    const c = [row(guide), row(guide)];
    const d = [row(guide, { sceneId: 'nul\u0000here' })];
    const results = Promise.allSettled([a, b, c, d].map((rows) => writer.write(rows)));
    expect(writer.pending).toBe(8);
    await writer.flush();
    const [ra, rb, rc, rd] = await results;
    expect(ra!.status).toBe('fulfilled');
    expect(rc!.status).toBe('fulfilled');
    expect(rb).toMatchObject({ status: 'rejected', reason: expect.any(EventsRefusedError) });
    expect((rb as PromiseRejectedResult).reason).toMatchObject({ sqlState: expect.stringMatching(/^22/), reason: 'a date-time outside the range it stores' });
    expect(rd).toMatchObject({ status: 'rejected', reason: expect.any(EventsRefusedError) });
    expect((rd as PromiseRejectedResult).reason.reason).toMatch(/^text it cannot store/);
    const ids = (await db.query<{ id: string }>('SELECT id FROM events WHERE guide_id = $1', [guide])).map((r) => r.id).sort();
    expect(ids).toEqual([...a, ...c].map((r) => r.id).sort());
    // One group statement (refused), then one per batch: two committed, two refused.
    expect(writer.stats).toMatchObject({ flushes: 2, events: 5, inserted: 5, isolated: 1, refused: 2 });
    await writer.close();
  });

  it('writer: a transient error still fails the whole group for a retry (503), and the next flush succeeds', async () => {
    let failNext = true;
    const flaky: Queryable = {
      query: (sql, params) => {
        if (failNext) {
          failNext = false;
          return Promise.reject(Object.assign(new Error('Connection terminated unexpectedly'), { code: undefined }));
        }
        return db.query(sql, params);
      },
      exec: (sql) => db.exec(sql),
    };
    const writer = new EventWriter(flaky, { lingerMs: 60_000, maxEvents: 10_000 });
    const guide = randomUUID();
    const first = Promise.allSettled([writer.write([row(guide)]), writer.write([row(guide), row(guide)])]);
    await writer.flush();
    for (const r of await first) {
      expect(r.status).toBe('rejected');
      expect((r as PromiseRejectedResult).reason).not.toBeInstanceOf(EventsRefusedError);
    }
    expect(writer.stats).toMatchObject({ isolated: 0, refused: 0, flushes: 0 });
    const retried = [row(guide), row(guide)];
    const again = writer.write(retried);
    await writer.flush();
    await again;
    expect(await count(db, 'SELECT count(*) AS n FROM events WHERE guide_id = $1', [guide])).toBe(2);
    await writer.close();
  });
});
