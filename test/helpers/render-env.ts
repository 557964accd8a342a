import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import type { GuideType } from '../../compositions/common/envelope';
import { generateEnvelopes } from '../../compositions/generator/generate';
import { guideSchema, storyboardOf, versionOf, type Guide, publicPart } from '../../compositions/guide-types';
import { loadConfig, type Config } from '../../server/config';
import type { Database } from '../../server/db/database';
import { insertGuide, type GuideRow } from '../../server/db/guides';
import { TEST_DATABASE_URL } from './databases';

/** Bundles are keyed by a hash of the code: every test file shares them, in a temporary directory (never the repo's data/). */
export const TEST_BUNDLE_DIR = path.join(os.tmpdir(), 'videoguida-test-bundles');

/** What a finished render publishes for a guide, sorted by name. */
export const RENDER_OUTPUTS = ['audio.m4a', 'captions.en.vtt', 'captions.it.vtt', 'captions.vtt', 'chapters.json', 'poster.jpg', 'video.mp4'];

/** Polls until `check` returns a value (not undefined/false), or fails after timeoutMs. */
export async function waitFor<T>(check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export function guideOf(type: GuideType, seed: string): Guide {
  return guideSchema.parse(publicPart([...generateEnvelopes(type, 1, seed)][0] as never));
}

export async function storeGuide(db: Database, guide: Guide, ref: string): Promise<GuideRow> {
  const { row } = await insertGuide(db, {
    typeVersion: versionOf(guide.type),
    externalRef: ref,
    fiscalCodeHmac: null,
    data: guide,
    durationFrames: storyboardOf(guide).durationInFrames,
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  return row;
}

/** Environment of one render test file: its own schema, queue prefix, video and cache directories. */
export function renderTestEnv(label: string, schema: string, cacheDir: string) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `vg-${label}-`));
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    DATABASE_URL: TEST_DATABASE_URL,
    DATABASE_SCHEMA: schema,
    QUEUE_PREFIX: `test-${label}-${process.pid}`,
    DATA_DIR: path.join(root, 'data'),
    VIDEO_DIR: path.join(root, 'videos'),
    RENDER_CACHE_DIR: cacheDir,
    // Bundles are keyed by a hash of the code: every test file can share them.
    BUNDLE_CACHE_DIR: TEST_BUNDLE_DIR,
    SPEECH_CACHE_DIR: path.join(os.tmpdir(), 'videoguida-test-speech'),
    RENDER_LOCK_DURATION: '4s',
    RENDER_SHUTDOWN_TIMEOUT: '3s',
    LOG_LEVEL: 'warn',
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  };
  const config: Config = loadConfig(env);
  return { env, config, root };
}

/** Deletes this prefix's BullMQ keys only (other test files share the Redis server). */
export async function flushPrefix(redisUrl: string, prefix: string): Promise<number> {
  const redis = new Redis(redisUrl);
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) deleted += await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}
