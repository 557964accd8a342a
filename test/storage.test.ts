import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEnvelopes } from '../compositions/generator/generate';
import { guideSchema, storyboardOf, versionOf, publicPart } from '../compositions/guide-types';
import { openDatabase, type Database } from '../server/db/database';
import { getGuide, guidesOfCitizen, insertGuide, setGuideStatus } from '../server/db/guides';
import { loadMigrations, migrate } from '../server/db/migrate';
import { fiscalCodeHmac } from '../server/fiscal-code-hmac';
import { BACKENDS, closeTestDatabase, openTestDatabase, TEST_DATABASE_URL, uniqueSchema } from './helpers/databases';

const KEY = 'k'.repeat(32);

describe.each(BACKENDS)('storage on %s', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase(backend, 'storage');
  });
  afterAll(async () => {
    await closeTestDatabase(db);
  });

  it('applies every migration once and nothing the second time', async () => {
    const first = await migrate(db);
    expect(first).toEqual(loadMigrations().map((m) => m.version));
    expect(await migrate(db)).toEqual([]);
    const rows = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(first);
  });

  it('stores a guide without the fiscal code and finds it again by the HMAC', async () => {
    const envelope = [...generateEnvelopes('naspi', 1, 'storage')][0]!;
    if (!('citizen' in envelope) || !envelope.citizen) throw new Error('naspi has a citizen');
    const data = guideSchema.parse(publicPart(envelope));
    const hmac = fiscalCodeHmac(KEY, envelope.citizen.fiscalCode);
    const expiresAt = new Date(Date.now() + 86_400_000);
    const { row, created } = await insertGuide(db, {
      typeVersion: versionOf('naspi'),
      externalRef: envelope.externalRef,
      fiscalCodeHmac: hmac,
      data,
      durationFrames: storyboardOf(data).durationInFrames,
      expiresAt,
    });
    expect(created).toBe(true);
    expect(JSON.stringify(row)).not.toContain(envelope.citizen.fiscalCode);
    expect(row.data).toEqual(data);
    expect(row.status).toBe('queued');
    expect(typeof row.duration_frames).toBe('number');
    expect(row.created_at).toBeInstanceOf(Date);

    const again = await insertGuide(db, {
      typeVersion: versionOf('naspi'),
      externalRef: envelope.externalRef,
      fiscalCodeHmac: hmac,
      data,
      durationFrames: 1,
      expiresAt,
    });
    expect(again.created).toBe(false);
    expect(again.row.id).toBe(row.id);

    expect((await guidesOfCitizen(db, hmac)).map((g) => g.id)).toEqual([row.id]);
    expect(await guidesOfCitizen(db, fiscalCodeHmac(KEY, 'RSSMRA79B11C566R'))).toEqual([]);

    await setGuideStatus(db, row.id, 'ready');
    const ready = await getGuide(db, row.id);
    expect(ready?.status).toBe('ready');
    expect(ready?.rendered_at).toBeInstanceOf(Date);
  });

  it('normalises int8, numeric and date values the same way on both backends', async () => {
    const [r] = await db.query<{ big: unknown; num: unknown; day: unknown; ts: unknown; n: unknown }>(
      `SELECT 9007199254740991::int8 AS big, 12.5::numeric AS num, DATE '2026-03-15' AS day,
              TIMESTAMPTZ '2026-03-15 10:00:00+00' AS ts, count(*) AS n FROM guides`,
    );
    expect(r).toEqual({ big: 9007199254740991, num: 12.5, day: '2026-03-15', ts: new Date('2026-03-15T10:00:00Z'), n: 1 });
  });

  it('rolls back a failed transaction completely', async () => {
    const before = await db.query<{ n: number }>('SELECT count(*) AS n FROM campaigns');
    await expect(
      db.transaction(async (tx) => {
        await tx.query(`INSERT INTO campaigns (id, guide_type, name) VALUES (gen_random_uuid(), 'red', 'x')`);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await db.query('SELECT count(*) AS n FROM campaigns')).toEqual(before);
  });
});

describe('migrations on PostgreSQL', () => {
  it('are applied exactly once when two processes start together', async () => {
    const schema = uniqueSchema('migrate_race');
    const a = await openDatabase({ url: TEST_DATABASE_URL, schema, max: 2 });
    const b = await openDatabase({ url: TEST_DATABASE_URL, schema, max: 2 });
    try {
      const [ra, rb] = await Promise.all([migrate(a), migrate(b)]);
      const all = loadMigrations().map((m) => m.version);
      expect([...ra, ...rb].sort((a, b) => a - b)).toEqual(all);
      expect(ra.length === 0 || rb.length === 0).toBe(true);
    } finally {
      await b.close();
      await closeTestDatabase(a);
    }
  });
});
