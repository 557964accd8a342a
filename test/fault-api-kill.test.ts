import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateEnvelopes } from '../compositions/generator/generate';
import { openDatabase, type Database } from '../server/db/database';
import { createGuide, killApis, OPEN_EVENT_LIMITS, spawnApi, viewBatch, type ApiProcess } from './helpers/fault-api';
import { startPostgres, startRedis, stopAll, waitUntil } from './helpers/services';

/**
 * "No accepted event is lost" (README, Analytics), by fault injection: the API process is SIGKILLed
 * (its whole process group, as a machine dying) in the middle of sustained ingestion from concurrent
 * players; every event of every batch it had answered 202 is in the database afterwards, once, and
 * the restarted API takes the batches that were cut off (the player sends them again) as new.
 * On PostgreSQL (a private cluster) and on PGlite (npm start's embedded database, in a data
 * directory, which also proves it reopens after a crash: WAL recovery). Redis is the test's own.
 */

const GUIDES = 12;
const LOADERS = 8;
const EVENTS_PER_BATCH = 20;
const KILL_AFTER_ACCEPTED = 400;

afterAll(async () => {
  killApis();
  await stopAll();
});

interface Load {
  accepted: Set<string>;
  acceptedBatches: number;
  /** Batches whose answer never came (cut off by the kill): the player would send them again. */
  cut: ReturnType<typeof viewBatch>[];
  other: number[];
}

async function createGuides(api: ApiProcess): Promise<string[]> {
  const tokens: string[] = [];
  for (const envelope of generateEnvelopes('naspi', GUIDES, `fault-kill-${api.port}`)) tokens.push((await createGuide(api, envelope)).token);
  return tokens;
}

/** Concurrent players send batches until `stop()`; the kill happens while they do. */
function drive(api: ApiProcess, tokens: string[]): { load: Load; stop: () => Promise<void> } {
  const load: Load = { accepted: new Set(), acceptedBatches: 0, cut: [], other: [] };
  let stopping = false;
  const loop = async (n: number) => {
    for (let i = 0; !stopping; i++) {
      const batch = viewBatch(tokens[(n + i) % tokens.length]!, EVENTS_PER_BATCH);
      try {
        const res = await fetch(`${api.url}/api/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(batch) });
        const body = (await res.json()) as { rejected?: { index: number }[] };
        if (res.status === 202) {
          const rejected = new Set((body.rejected ?? []).map((r) => r.index));
          batch.events.forEach((e, j) => !rejected.has(j) && load.accepted.add(e.id));
          load.acceptedBatches += 1;
        } else load.other.push(res.status);
      } catch {
        // The connection died with the process: no answer, so not accepted.
        load.cut.push(batch);
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  };
  const loops = Array.from({ length: LOADERS }, (_, n) => loop(n));
  return {
    load,
    stop: async () => {
      stopping = true;
      await Promise.all(loops);
    },
  };
}

async function scenario(
  env: Record<string, string>,
  count: (ids: string[]) => Promise<{ found: number; total: number }>,
  afterRestart: (api: ApiProcess) => Promise<void>,
) {
  const first = await spawnApi({ ...env, ...OPEN_EVENT_LIMITS });
  const tokens = await createGuides(first);
  const { load, stop } = drive(first, tokens);
  await waitUntil(() => load.accepted.size >= KILL_AFTER_ACCEPTED * EVENTS_PER_BATCH || load.other.length > 50, 60_000, 'sustained ingestion', 20);
  const acceptedAtKill = load.accepted.size;
  await first.kill();
  // Anything answered before the process died is in `accepted`; the loops see only dead connections now.
  await new Promise((r) => setTimeout(r, 200));
  await stop();
  expect(load.other, `answers other than 202 before the kill: ${first.output().slice(-2000)}`).toEqual([]);
  const accepted = [...load.accepted];
  expect(accepted.length).toBeGreaterThanOrEqual(acceptedAtKill);
  expect(load.cut.length, 'batches in flight when the process died').toBeGreaterThan(0);

  const second = await spawnApi({ ...env, ...OPEN_EVENT_LIMITS }, first.port);
  // The player sends what got no answer again: the restarted API takes it (idempotent by event id).
  let resent = 0;
  for (const batch of load.cut) {
    const res = await fetch(`${second.url}/api/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(batch) });
    expect(res.status).toBe(202);
    resent += batch.events.length;
  }
  await afterRestart(second);
  const ids = [...accepted, ...load.cut.flatMap((b) => b.events.map((e) => e.id))];
  const { found, total } = await count(ids);
  console.info(
    `api kill (${env.DATABASE_URL ? 'postgres' : 'pglite'}): ${load.acceptedBatches} batches (${accepted.length} events) answered 202 before SIGKILL, ${load.cut.length} batches cut off and sent again; ${found} of ${ids.length} in the database, ${total} events in all`,
  );
  // Every 202 event, and every re-sent one, exactly once; nothing else.
  expect(found).toBe(accepted.length + resent);
  expect(total).toBe(accepted.length + resent);
}

describe('SIGKILL of the API during sustained event ingestion', () => {
  it('PostgreSQL: every event answered 202 is stored, once', async () => {
    const [redis, pgServer] = await Promise.all([startRedis(), startPostgres()]);
    const env = {
      DATABASE_URL: pgServer.url,
      REDIS_URL: redis.url,
      QUEUE_PREFIX: 'fault-kill-pg',
      DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'vg-fault-kill-')),
    };
    let db: Database | undefined;
    try {
      await scenario(
        env,
        async (ids) => {
          db = await openDatabase({ url: pgServer.url, max: 2 });
          const [{ n: found }] = (await db.query<{ n: number }>(`SELECT count(*) AS n FROM events WHERE id = ANY($1::uuid[])`, [ids])) as [{ n: number }];
          const [{ n: total }] = (await db.query<{ n: number }>(`SELECT count(*) AS n FROM events`)) as [{ n: number }];
          return { found, total };
        },
        async (api) => void (await api.stop()),
      );
    } finally {
      await db?.close();
      fs.rmSync(env.DATA_DIR, { recursive: true, force: true });
    }
  }, 90_000);

  it('PGlite in a data directory: every event answered 202 is stored, once, and the database reopens', async () => {
    const redis = await startRedis();
    const env = { REDIS_URL: redis.url, QUEUE_PREFIX: 'fault-kill-pglite', DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'vg-fault-kill-')) };
    try {
      await scenario(
        env,
        async (ids) => {
          // PGlite allows one process: the API was stopped (afterRestart), the test opens the directory.
          const db = await openDatabase({ dataDir: path.join(env.DATA_DIR, 'db') });
          try {
            const [{ n: found }] = (await db.query<{ n: number }>(`SELECT count(*) AS n FROM events WHERE id = ANY($1::uuid[])`, [ids])) as [{ n: number }];
            const [{ n: total }] = (await db.query<{ n: number }>(`SELECT count(*) AS n FROM events`)) as [{ n: number }];
            return { found, total };
          } finally {
            await db.close();
          }
        },
        async (api) => expect(await api.stop()).toBe(0),
      );
    } finally {
      fs.rmSync(env.DATA_DIR, { recursive: true, force: true });
    }
  }, 90_000);
});
