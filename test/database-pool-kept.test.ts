import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../server/db/database';
import { TEST_DATABASE_URL, closeTestDatabase, uniqueSchema } from './helpers/databases';
import { waitFor } from './helpers/render-env';

const opened: Database[] = [];
afterAll(async () => {
  for (const db of opened) await closeTestDatabase(db);
});

/** Connections PostgreSQL has open for the pool of `schema` (its application_name). */
async function backendsOf(schema: string): Promise<number> {
  const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await c.connect();
  try {
    const r = await c.query<{ n: string }>(`SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = $1`, [`videoguida:${schema}`]);
    return Number(r.rows[0]!.n);
  } finally {
    await c.end();
  }
}

describe('the PostgreSQL pool keeps connections for a burst', () => {
  it('opens DATABASE_POOL_MIN connections at start, before any request asks for one', async () => {
    const schema = uniqueSchema('pool_kept');
    const db = await openDatabase({ url: TEST_DATABASE_URL, schema, max: 6, poolMin: 3 });
    opened.push(db);
    await waitFor(async () => (await backendsOf(schema)) === 3, 60_000, 'three kept connections');
  });

  it('keeps none without poolMin (a test database, a one-off command)', async () => {
    const schema = uniqueSchema('pool_none');
    const db = await openDatabase({ url: TEST_DATABASE_URL, schema, max: 6 });
    opened.push(db);
    await db.query('SELECT 1');
    // The one connection the query used stays idle in the pool (10 s); no other was opened.
    expect(await backendsOf(schema)).toBe(1);
  });
});
