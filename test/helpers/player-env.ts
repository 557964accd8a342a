import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { chromium, type Browser } from 'playwright-core';
import { createApp } from '../../api/app';
import { generateEnvelopes } from '../../compositions/generator/generate';
import { loadConfig, type Config } from '../../server/config';
import type { Database } from '../../server/db/database';
import { migrate } from '../../server/db/migrate';
import { createLogger } from '../../server/logger';
import { createRenderQueue } from '../../server/queues';
import { ClipCache } from '../../speech/clip-cache';
import { defaultEngine } from '../../speech/config';
import type { SpeechEngine } from '../../speech/engine';
import { closeInOrder } from './close-in-order';
import { listenTestServer, REDIS_URL, serveTestApp, testApiEnv } from './api';
import { openTestDatabase, type Backend } from './databases';

export const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
/**
 * The citizen page and the embed, built for the player's tests and bench into a directory of their
 * own (see player/vite.config.ts): player/dist stays whatever `npm run player:build` made.
 */
export const PLAYER_DIST = path.join(os.tmpdir(), `videoguida-player-${createHash('sha256').update(REPO).digest('hex').slice(0, 10)}`);

const newestMtime = (dir: string): number => {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    if (full.includes(`${path.sep}dist${path.sep}`) || full.includes('node_modules') || /(dashboard|console)/.test(path.relative(REPO, full))) continue;
    newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
};

/** Builds PLAYER_DIST when it is missing or older than its sources (player/, compositions/, assets/). */
export function ensurePlayerBuilt(): void {
  const built = path.join(PLAYER_DIST, '.vite', 'manifest.json');
  const stale = () =>
    !fs.existsSync(built) || fs.statSync(built).mtimeMs < Math.max(...['player', 'compositions', 'assets'].map((d) => newestMtime(path.join(REPO, d))));
  if (!stale()) return;
  // Two test files may start at once: one builds, the other waits for it.
  const lock = path.join(os.tmpdir(), 'videoguida-player-build.lock');
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`player build lock ${lock} held for 3 minutes`);
      execFileSync('sleep', ['0.5']);
    }
  }
  try {
    if (stale()) {
      execFileSync('npx', ['vite', 'build', '--config', 'player/vite.config.ts', '--logLevel', 'warn'], {
        cwd: REPO,
        stdio: 'inherit',
        env: { ...process.env, PLAYER_BUILD_PAGES: 'index,embed', PLAYER_BUILD_OUT_DIR: PLAYER_DIST },
      });
    }
  } finally {
    fs.rmdirSync(lock);
  }
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** The built player's API (see startPlayerApi) and Chromium, started side by side; close() stops both. */
export async function startPlayerWithBrowser(o: PlayerApiOptions): Promise<{ api: PlayerApi; browser: Browser; close(): Promise<void> }> {
  ensurePlayerBuilt();
  const [api, browser] = await Promise.all([startPlayerApi(o), launchChromium()]);
  return { api, browser, close: () => closeInOrder(browser, api) };
}

export interface PlayerApi {
  url: string;
  db: Database;
  config: Config;
  operatorKey: string;
  logs: string[];
  speechDir: string;
  close(): Promise<void>;
}

export interface PlayerApiOptions {
  label: string;
  backend?: Backend;
  /** The speech engine; null for an API without speech (captions only). */
  engine?: SpeechEngine | null;
  env?: Record<string, string>;
}

/**
 * The real API with the built player and live narration on a random port: its own database schema,
 * queue and rate-limit prefixes, DATA_DIR and speech cache.
 */
export async function startPlayerApi(o: PlayerApiOptions): Promise<PlayerApi> {
  const { server, url, dataDir } = await listenTestServer(o.label);
  const speechDir = path.join(dataDir, 'speech-cache');
  const unique = `t-${o.label}-${process.pid}-${Date.now().toString(36)}`;
  const config = loadConfig({ ...testApiEnv(url, dataDir, REDIS_URL, unique), ...o.env });
  const db = await openTestDatabase(o.backend ?? 'postgres', `${o.label}_player`);
  await migrate(db);
  const logs: string[] = [];
  const logger = createLogger({ level: 'info', destination: { write: (line: string) => void logs.push(line) } });
  const redis = new Redis(REDIS_URL);
  const renderQueue = createRenderQueue(new Redis(REDIS_URL, { maxRetriesPerRequest: null }), unique);
  const engine = o.engine === undefined ? defaultEngine() : o.engine;
  const speech = engine ? { cache: new ClipCache({ dir: speechDir, engine }) } : undefined;
  const app = createApp({ config, db, redis, renderQueue, logger, rateLimitPrefix: `${unique}:rl:`, playerDir: PLAYER_DIST, ...(speech ? { speech } : {}) });
  const served = await serveTestApp({ server, app, db, ownsDb: true, redis, renderQueue, prefix: unique, dataDir });
  return { url, db, config, logs, speechDir, ...served };
}

/** A RED envelope (the short guide: about 90 s) in Italian. */
export const redEnvelope = (seed: string) => ({ ...([...generateEnvelopes('red', 1, seed)][0] as Record<string, unknown>), locale: 'it' });

/** POST /api/guides as an operator; answers the guide id and its QR link. */
export async function createGuide(api: PlayerApi, envelope: unknown): Promise<{ id: string; qr: string; token: string }> {
  const res = await fetch(`${api.url}/api/guides`, {
    method: 'POST',
    headers: { authorization: `Bearer ${api.operatorKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ ...(envelope as object), notify: false }),
  });
  if (res.status !== 201) throw new Error(`expected 201 from POST /api/guides, got ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { id: string; links: { qr: string } };
  return { id: body.id, qr: body.links.qr, token: body.links.qr.slice(body.links.qr.lastIndexOf('/') + 1) };
}
