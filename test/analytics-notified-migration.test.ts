import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeFigures } from '../server/analytics/figures';
import { readStats } from '../server/analytics/stats-query';
import type { Database } from '../server/db/database';
import { loadMigrations, migrate } from '../server/db/migrate';
import { BACKENDS, closeTestDatabase, openTestDatabase } from './helpers/databases';

/**
 * Migration 032 on a database that already has notifications sent (issue #10 ran before it): the
 * backfill puts them in the cells exactly as the trigger does afterwards, by the guide's production
 * day in Europe/Rome, or the notification's own day when the guide is gone.
 */
const CAMPAIGN = randomUUID();
const G1 = randomUUID(); // produced 31 March 22:30 UTC = 1 April in Rome, province RM
const G2 = randomUUID(); // produced 10 April, province MI
const GONE = randomUUID(); // purged guide: its notification was created 31 Dec 2025 23:30 UTC = 1 Jan 2026 in Rome

type Cell = { grain: string; province: string; period: string; channel: string; sent: number };

describe.each(BACKENDS)('migration 032 on %s', (backend) => {
  let db: Database;
  const ids = { g1Email: randomUUID(), g1App: randomUUID(), g2Pec: randomUUID(), g2Email: randomUUID(), gone: randomUUID() };

  beforeAll(async () => {
    db = await openTestDatabase(backend, 'notified_migration');
    await migrate(
      db,
      loadMigrations().filter((m) => m.version < 32),
    );
    await db.query(`INSERT INTO campaigns (id, guide_type, name, channels) VALUES ($1, 'naspi', 'c', '{qr,email,app}')`, [CAMPAIGN]);
    for (const [id, province, at] of [
      [G1, 'RM', '2026-03-31T22:30:00Z'],
      [G2, 'MI', '2026-04-10T09:00:00Z'],
    ] as const) {
      await db.query(
        `INSERT INTO guides (id, campaign_id, type, type_version, locale, external_ref, province, data, duration_frames, expires_at, created_at)
         VALUES ($1, $2, 'naspi', '1', 'it', $3, $4, '{}', 100, now() + interval '1 year', $5)`,
        [id, CAMPAIGN, `ref-${id}`, province, at],
      );
    }
    const note = (id: string, guide: string, channel: string, province: string, sent: boolean, createdAt = '2026-04-10T09:00:00Z') =>
      db.query(
        `INSERT INTO notifications (id, guide_id, channel, token_channel, campaign_id, guide_type, province, fiscal_code_hmac, status, sent_at, created_at)
         VALUES ($1, $2, $3, $4, $5, 'naspi', $6, 'h', $7, $8, $9)`,
        [
          id,
          guide,
          channel,
          channel === 'pec' ? 'email' : channel,
          CAMPAIGN,
          province,
          sent ? 'delivered' : 'queued',
          sent ? '2026-04-11T08:00:00Z' : null,
          createdAt,
        ],
      );
    await note(ids.g1Email, G1, 'email', 'RM', true);
    await note(ids.g1App, G1, 'app', 'RM', false);
    await note(ids.g2Pec, G2, 'pec', 'MI', true);
    await note(ids.g2Email, G2, 'email', 'MI', false);
    await note(ids.gone, GONE, 'email', 'NA', true, '2025-12-31T23:30:00Z');
    // 032, then whatever came after it.
    expect(await migrate(db)).toEqual(
      loadMigrations()
        .filter((m) => m.version >= 32)
        .map((m) => m.version),
    );
  }, 60_000);
  afterAll(async () => {
    if (db) await closeTestDatabase(db);
  });

  const cells = () =>
    db.query<Cell>(`SELECT grain, province, period, channel, sent FROM analytics_cells WHERE sent > 0 ORDER BY channel, province, grain, period`);
  const six = (channel: string, province: string, day: string, sent: number): Cell[] =>
    ['*', province].flatMap((p) => [
      { grain: 'd', province: p, period: day, channel, sent },
      { grain: 'm', province: p, period: `${day.slice(0, 7)}-01`, channel, sent },
      { grain: 'y', province: p, period: `${day.slice(0, 4)}-01-01`, channel, sent },
    ]);
  const sorted = (xs: Cell[]) =>
    [...xs].sort((a, b) => `${a.channel}${a.province}${a.grain}${a.period}`.localeCompare(`${b.channel}${b.province}${b.grain}${b.period}`));

  it('backfills the sends already recorded, by production day in Europe/Rome', async () => {
    // The two email cells share their year and '*' province: 2026 gets both sends.
    const want = new Map<string, Cell>();
    for (const c of [...six('email', 'RM', '2026-04-01', 1), ...six('email', 'NA', '2026-01-01', 1), ...six('pec', 'MI', '2026-04-10', 1)]) {
      const k = `${c.grain}|${c.province}|${c.period}|${c.channel}`;
      want.set(k, { ...c, sent: (want.get(k)?.sent ?? 0) + c.sent });
    }
    expect(sorted(await cells())).toEqual(sorted([...want.values()]));
    const f = computeFigures(await readStats(db, { campaignId: CAMPAIGN }), undefined);
    expect(f.notified).toEqual({ qr: 0, email: 2, sms: 0, app: 0, pec: 1 });
    expect(computeFigures(await readStats(db, { campaignId: CAMPAIGN, from: '2026-04-01', to: '2026-04-30' }), undefined).notified).toMatchObject({
      email: 1,
      pec: 1,
    });
  });

  it('then counts each send once, when sent_at is first set', async () => {
    const before = computeFigures(await readStats(db, { campaignId: CAMPAIGN }), undefined).notified;
    // A late receipt on a row already sent, and a status change that is no send: nothing moves.
    await db.query(`UPDATE notifications SET status = 'bounced', sent_at = coalesce(sent_at, now()) WHERE id = ANY($1::uuid[])`, [[ids.g1Email, ids.g2Pec]]);
    await db.query(`UPDATE notifications SET status = 'sending' WHERE id = $1`, [ids.g2Email]);
    expect(computeFigures(await readStats(db, { campaignId: CAMPAIGN }), undefined).notified).toEqual(before);
    // Two sends in one statement.
    await db.query(`UPDATE notifications SET status = 'sent', sent_at = now() WHERE id = ANY($1::uuid[])`, [[ids.g1App, ids.g2Email]]);
    expect(computeFigures(await readStats(db, { campaignId: CAMPAIGN }), undefined).notified).toEqual({ ...before, email: 3, app: 1 });
    expect(computeFigures(await readStats(db, { campaignId: CAMPAIGN, province: 'MI' }), undefined).notified).toMatchObject({ email: 1, pec: 1, app: 0 });
  });
});
