import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Redis } from 'ioredis';
import type pino from 'pino';
import type { Express } from 'express';
import { createApp, contextOf, tuneServer } from '../../api/app';
import type { AppContext, AppDeps } from '../../api/deps';
import { loadConfig, type Config } from '../../server/config';
import type { Database } from '../../server/db/database';
import { generateApiKey, storeApiKey } from '../../server/db/api-keys';
import { migrate } from '../../server/db/migrate';
import { createLogger } from '../../server/logger';
import { createRenderQueue } from '../../server/queues';
import { createRedis } from '../../server/redis';
import { closeTestDatabase, openTestDatabase, type Backend } from './databases';

/** Stops a test API's HTTP server and render queue and deletes every Redis key under its prefix. */
export async function stopTestServices(t: {
  server: http.Server;
  renderQueue: ReturnType<typeof createRenderQueue>;
  redis: Redis;
  prefix: string;
}): Promise<void> {
  t.server.closeAllConnections();
  await new Promise((resolve) => t.server.close(resolve));
  await t.renderQueue.obliterate({ force: true }).catch(() => undefined);
  const queueRedis = await t.renderQueue.client;
  await t.renderQueue.close();
  queueRedis.disconnect();
  const keys = await t.redis.keys(`${t.prefix}*`);
  if (keys.length) await t.redis.del(...keys);
  t.redis.disconnect();
}

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A test API's HTTP server, tuned as production's, listening on a random port of 127.0.0.1; and a DATA_DIR of its own. */
export async function listenTestServer(label: string): Promise<{ server: http.Server; url: string; dataDir: string }> {
  const server = http.createServer();
  tuneServer(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, url, dataDir: fs.mkdtempSync(path.join(os.tmpdir(), `vg-${label}-`)) };
}

/** The environment every test API is configured from: test mode, its URL and DATA_DIR, its Redis and queue prefix, fixed secrets. */
export const testApiEnv = (url: string, dataDir: string, redisUrl: string, queuePrefix: string): Record<string, string> => ({
  NODE_ENV: 'test',
  PUBLIC_BASE_URL: url,
  DATA_DIR: dataDir,
  REDIS_URL: redisUrl,
  QUEUE_PREFIX: queuePrefix,
  TOKEN_SECRET: 's'.repeat(40),
  FISCAL_CODE_HMAC_KEY: 'h'.repeat(40),
});

/** A new API key with the role, stored in the test's database. */
export async function storeTestKey(db: Database, role: 'operator' | 'analyst'): Promise<string> {
  const key = generateApiKey(role);
  await storeApiKey(db, key, role, 'test');
  return key;
}

/** What serving a test API needs besides its app, all stopped by the close() serveTestApp gives. */
export interface TestAppParts {
  server: http.Server;
  app: Express;
  db: Database;
  /** False when the caller lent the database and closes it itself. */
  ownsDb: boolean;
  redis: Redis;
  renderQueue: ReturnType<typeof createRenderQueue>;
  /** The API's queue and rate-limit prefix in the shared Redis. */
  prefix: string;
  dataDir: string;
}

/**
 * Puts `app` on the listening server and stores an operator key; close() stops the server and the
 * queue, deletes the prefix's keys, closes the database (when owned) and removes DATA_DIR.
 */
export async function serveTestApp(t: TestAppParts): Promise<{ operatorKey: string; close(): Promise<void> }> {
  t.server.on('request', t.app);
  return {
    operatorKey: await storeTestKey(t.db, 'operator'),
    async close() {
      await stopTestServices(t);
      if (t.ownsDb) await closeTestDatabase(t.db);
      fs.rmSync(t.dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestApi {
  url: string;
  app: Express;
  ctx: AppContext;
  db: Database;
  config: Config;
  redis: Redis;
  operatorKey: string;
  analystKey: string;
  /** Every log line the app wrote (pino JSON), for the no-personal-data assertions. */
  logs: string[];
  dataDir: string;
  close(): Promise<void>;
}

export interface TestApiOptions {
  backend: Backend;
  label: string;
  env?: Record<string, string>;
  rateLimits?: AppDeps['rateLimits'];
  playerDir?: string;
  /** Where logs go instead of the in-memory capture (benches: a file, as in production). */
  logDestination?: pino.DestinationStream;
  /** Reuse a migrated database (left open by close()): PGlite takes a second or two to start. */
  db?: Database;
  /** Another Redis than the shared one (a test that stops its own redis-server). */
  redisUrl?: string;
  /** Live narration (a speech engine and its clip cache); none by default. */
  speech?: AppDeps['speech'];
}

/**
 * A real API on a random port: its own database schema (or in-memory PGlite), its own queue and
 * rate-limit prefixes in the shared Redis, its own DATA_DIR; logs captured in memory.
 */
export async function startTestApi(o: TestApiOptions): Promise<TestApi> {
  const { server, url, dataDir } = await listenTestServer(o.label);
  const unique = `t-${o.label}-${o.backend}-${process.pid}-${Date.now().toString(36)}`;
  const config = loadConfig({ ...testApiEnv(url, dataDir, o.redisUrl ?? REDIS_URL, unique), ...o.env });
  const db = o.db ?? (await openTestDatabase(o.backend, `${o.label}_${o.backend}`));
  if (!o.db) await migrate(db);
  const logs: string[] = [];
  const logger = createLogger({ level: 'info', destination: o.logDestination ?? { write: (line: string) => void logs.push(line) } });
  // The clients npm start makes (server/redis.ts), so tests see the production timeouts.
  const redis = createRedis(config.redis, 'commands', 'test-api', logger);
  const renderQueue = createRenderQueue(createRedis(config.redis, 'queue', 'test-render-queue', logger), unique);
  const app = createApp({
    config,
    db,
    redis,
    renderQueue,
    logger,
    rateLimitPrefix: `${unique}:rl:`,
    rateLimits: o.rateLimits,
    playerDir: o.playerDir ?? path.join(dataDir, 'no-player'),
    ...(o.speech ? { speech: o.speech } : {}),
  });
  const served = await serveTestApp({ server, app, db, ownsDb: !o.db, redis, renderQueue, prefix: unique, dataDir });
  const analystKey = await storeTestKey(db, 'analyst');
  return { url, app, ctx: contextOf(app), db, config, redis, analystKey, logs, dataDir, ...served };
}

/** fetch with the operator key (or another) and JSON by default. */
export function call(
  api: TestApi,
  method: string,
  p: string,
  init: { body?: unknown; key?: string | null; headers?: Record<string, string>; raw?: BodyInit } = {},
) {
  const headers: Record<string, string> = { ...init.headers };
  const key = init.key === undefined ? api.operatorKey : init.key;
  if (key) headers.authorization = `Bearer ${key}`;
  let body: BodyInit | undefined = init.raw;
  if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['content-type'] ??= 'application/json';
  }
  return fetch(`${api.url}${p}`, { method, headers, body, ...(body instanceof ReadableStream ? { duplex: 'half' } : {}) } as RequestInit);
}

export const tokenOf = (link: string) => link.slice(link.lastIndexOf('/') + 1);
