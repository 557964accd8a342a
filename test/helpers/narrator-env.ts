import fs from 'node:fs';
import path from 'node:path';
import type { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { createApp } from '../../api/app';
import { loadConfig, type Config } from '../../server/config';
import type { Database } from '../../server/db/database';
import { migrate } from '../../server/db/migrate';
import { createLogger, type Logger } from '../../server/logger';
import { createNarrationQueue, createRenderQueue, type NarrationJobData } from '../../server/queues';
import { createRedis } from '../../server/redis';
import { ClipCache } from '../../speech/clip-cache';
import { defaultEngine } from '../../speech/config';
import { countingEngine } from '../../speech/engine';
import { listenTestServer, REDIS_URL, serveTestApp, testApiEnv } from './api';
import { openTestDatabase } from './databases';

export interface NarrationApi {
  url: string;
  db: Database;
  config: Config;
  /** Environment the API was configured from: a narrator process started with it shares queue, schema and cache. */
  env: Record<string, string>;
  logger: Logger;
  operatorKey: string;
  logs: string[];
  speechDir: string;
  /** The API's own clip cache and engine: what its first accesses synthesise. */
  cache: ClipCache;
  engine: ReturnType<typeof countingEngine>;
  narrationQueue: Queue<NarrationJobData>;
  close(): Promise<void>;
}

export interface NarrationApiOptions {
  label: string;
  /** Where the narration queue's Redis is (default the shared one): a dead address tests an outage. */
  narrationRedisUrl?: string;
  /** Log to a file instead of memory (the bench). */
  logFile?: string;
  env?: Record<string, string>;
}

/**
 * The real API on a random port with live narration (the default engine, counted) and the narration
 * queue wired as `npm start` wires it; PostgreSQL in a schema of its own, so a narrator process can
 * share it; its own queue prefix, queue name and DATA_DIR (the speech cache lives in it).
 */
export async function startNarrationApi(o: NarrationApiOptions): Promise<NarrationApi> {
  const { server, url, dataDir } = await listenTestServer(o.label);
  const speechDir = path.join(dataDir, 'speech-cache');
  const unique = `t-${o.label}-${process.pid}-${Date.now().toString(36)}`;
  // The API's own pool (config.database: its size and the connections it keeps), as a host runs it.
  const db = await openTestDatabase('postgres', o.label, loadConfig({ ...testApiEnv(url, dataDir, REDIS_URL, unique), ...o.env }).database);
  await migrate(db);
  const env: Record<string, string> = {
    ...testApiEnv(url, dataDir, REDIS_URL, unique),
    SPEECH_CACHE_DIR: speechDir,
    NARRATOR_QUEUE: `narrate-${o.label}`.slice(0, 64),
    DATABASE_URL: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    DATABASE_SCHEMA: db.kind === 'postgres' ? db.schema : '',
    ...o.env,
  };
  const config = loadConfig(env);
  const logs: string[] = [];
  const logger = createLogger({
    level: 'info',
    destination: o.logFile ? fs.createWriteStream(o.logFile, { flags: 'a' }) : { write: (line: string) => void logs.push(line) },
  });
  const redis = new Redis(REDIS_URL);
  const renderQueue = createRenderQueue(new Redis(REDIS_URL, { maxRetriesPerRequest: null }), unique);
  const narrationConnection = createRedis({ ...config.redis, url: o.narrationRedisUrl ?? REDIS_URL }, 'queue', 'test-narration-queue', logger);
  const narrationQueue = createNarrationQueue(narrationConnection, unique, config.narrator.queue, config.narrator.attempts);
  // A dead Redis makes the queue emit connection errors: logged by server/redis.ts, not thrown.
  narrationQueue.on('error', () => undefined);
  const engine = countingEngine(defaultEngine());
  const cache = new ClipCache({ dir: speechDir, engine });
  const app = createApp({
    config,
    db,
    redis,
    renderQueue,
    narrationQueue,
    logger,
    rateLimitPrefix: `${unique}:rl:`,
    rateLimits: { publicPerMinute: 1_000_000 },
    playerDir: path.join(dataDir, 'no-player'),
    speech: { cache },
  });
  const served = await serveTestApp({ server, app, db, ownsDb: true, redis, renderQueue, prefix: unique, dataDir });
  return {
    url,
    db,
    config,
    env,
    logger,
    operatorKey: served.operatorKey,
    logs,
    speechDir,
    cache,
    engine,
    narrationQueue,
    async close() {
      if (!o.narrationRedisUrl) await narrationQueue.obliterate({ force: true }).catch(() => undefined);
      await narrationQueue.close().catch(() => undefined);
      narrationConnection.disconnect();
      await served.close();
    },
  };
}

/** POST /api/campaigns then its NDJSON upload as an operator; answers the campaign id, the report and the guides' QR tokens. */
export async function uploadCampaign(
  api: NarrationApi,
  body: Record<string, unknown>,
  envelopes: unknown[],
): Promise<{ campaignId: string; report: Record<string, unknown>; guides: { id: string; token: string }[] }> {
  const auth = { authorization: `Bearer ${api.operatorKey}` };
  const c = await fetch(`${api.url}/api/campaigns`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'narration ahead', ...body }),
  });
  if (c.status !== 201) throw new Error(`POST /api/campaigns: ${c.status} ${await c.text()}`);
  const { id: campaignId } = (await c.json()) as { id: string };
  const up = await fetch(`${api.url}/api/campaigns/${campaignId}/guides`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/x-ndjson' },
    body: envelopes.map((e) => JSON.stringify(e)).join('\n') + '\n',
  });
  if (up.status !== 200 && up.status !== 201) throw new Error(`upload: ${up.status} ${await up.text()}`);
  const report = (await up.json()) as Record<string, unknown>;
  const ids = (await api.db.query<{ id: string }>('SELECT id FROM guides WHERE campaign_id = $1 ORDER BY external_ref', [campaignId])).map((r) => r.id);
  const guides: { id: string; token: string }[] = [];
  for (const id of ids) {
    const g = (await (await fetch(`${api.url}/api/guides/${id}`, { headers: auth })).json()) as { links: { qr: string } };
    guides.push({ id, token: g.links.qr.slice(g.links.qr.lastIndexOf('/') + 1) });
  }
  return { campaignId, report, guides };
}
