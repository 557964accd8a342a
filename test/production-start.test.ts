import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../server/db/database';
import { startRedisProcess, type RedisProcess } from './helpers/redis-process';
import { freePort } from './helpers/services';

/**
 * Issue #15, findings 10 and C: `npm start` with NODE_ENV=production refuses what production cannot
 * run with, naming the variable or the Redis setting; started properly, it creates no demo guide or
 * consent, sends nothing and prints no link, key or fiscal code.
 */

const secret = (c: string) => `${c}-${'0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, 30)}`;
const PRODUCTION = {
  NODE_ENV: 'production',
  LOG_LEVEL: 'info',
  TOKEN_SECRET: secret('t'),
  FISCAL_CODE_HMAC_KEY: secret('f'),
  OPERATOR_KEY: secret('o'),
  ANALYST_KEY: secret('a'),
  PUBLIC_BASE_URL: 'https://guide.example.org',
};

interface Run {
  code: Promise<number | null>;
  output: () => string;
  stop: () => Promise<number | null>;
}

function run(env: Record<string, string>): Run {
  // Only what the test gives, over a clean slate of the project's variables (the suite's own
  // environment may set REDIS_URL or DATABASE_URL).
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !/^(REDIS_|DATABASE_|NODE_ENV|SMTP_|OPERATOR_KEY|ANALYST_KEY|TOKEN_SECRET|FISCAL_CODE_HMAC_KEY|PUBLIC_BASE_URL)/.test(k),
    ),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', 'system/start.ts'], { env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const code = new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  return {
    code,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return code;
    },
  };
}

async function until(r: Run, text: string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (!r.output().includes(text)) {
    if ((await Promise.race([r.code.then(() => true), new Promise((res) => setTimeout(() => res(false), 100))])) || Date.now() > deadline) {
      throw new Error(`npm start did not print "${text}":\n${r.output()}`);
    }
  }
}

const dirs: string[] = [];
const redises: RedisProcess[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'vg-prod-'));
  dirs.push(d);
  return d;
};
afterAll(async () => {
  for (const r of redises) await r.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('npm start in production', () => {
  it('refuses without its secrets, keys and https PUBLIC_BASE_URL, naming each variable', async () => {
    const r = run({ NODE_ENV: 'production', DATA_DIR: tempDir(), PORT: String(await freePort()), REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
    const weak = run({
      ...PRODUCTION,
      TOKEN_SECRET: 'changeme'.repeat(5),
      DATA_DIR: tempDir(),
      PORT: String(await freePort()),
      REDIS_URL: `redis://127.0.0.1:${await freePort()}`,
    });
    expect(await r.code).toBe(1);
    for (const v of ['TOKEN_SECRET', 'FISCAL_CODE_HMAC_KEY', 'OPERATOR_KEY', 'ANALYST_KEY', 'PUBLIC_BASE_URL'])
      expect(r.output()).toContain(`  ${v}: required in production`);
    expect(await weak.code).toBe(1);
    expect(weak.output()).toMatch(/TOKEN_SECRET looks like a placeholder, not a random value \(7 distinct characters in 40/);
    expect(weak.output()).not.toContain('changeme');
  }, 60_000);

  it('launches no Redis, and refuses one that keeps no data or evicts keys, naming the setting', async () => {
    const volatile = await startRedisProcess();
    const evicting = await startRedisProcess(['--appendonly', 'yes', '--maxmemory-policy', 'allkeys-lru']);
    redises.push(volatile, evicting);
    const none = run({ ...PRODUCTION, DATA_DIR: tempDir(), PORT: String(await freePort()), REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
    const r1 = run({ ...PRODUCTION, DATA_DIR: tempDir(), PORT: String(await freePort()), REDIS_URL: volatile.url });
    const r2 = run({ ...PRODUCTION, DATA_DIR: tempDir(), PORT: String(await freePort()), REDIS_URL: evicting.url });

    expect(await none.code).toBe(1);
    expect(none.output()).toMatch(/nothing answers at REDIS_URL \(127\.0\.0\.1:\d+\); production needs its own Redis service/);
    expect(await r1.code).toBe(1);
    expect(r1.output()).toMatch(/appendonly: expected yes \(or RDB save points\), got appendonly no, save ""/);
    expect(await r2.code).toBe(1);
    expect(r2.output()).toContain('maxmemory-policy: expected noeviction, got allkeys-lru');
    expect(r2.output()).not.toContain('appendonly: expected');
  }, 60_000);

  it('started with what it needs, creates no demo data, sends nothing and prints no link, key or fiscal code', async () => {
    const redis = await startRedisProcess(['--appendonly', 'yes']);
    redises.push(redis);
    const dataDir = tempDir();
    const port = await freePort();
    const r = run({ ...PRODUCTION, DATA_DIR: dataDir, PORT: String(port), REDIS_URL: redis.url });
    await until(r, 'Ctrl-C stops everything.');
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    expect(await r.stop()).toBe(0);

    const out = r.output();
    expect(out).toContain('Videoguida is running at https://guide.example.org');
    expect(out).toContain('Operator key: from OPERATOR_KEY');
    expect(out).not.toContain('Demo guides');
    expect(out).not.toMatch(/\/g\/[A-Za-z0-9_-]{20,}/);
    expect(out).not.toMatch(/[A-Z]{6}\d{2}[A-EHLMPRST]\d{2}[A-Z]\d{3}[A-Z]/); // a fiscal code
    expect(out).not.toContain('demo:jwt');
    for (const v of Object.values(PRODUCTION).filter((v) => v.length >= 32)) expect(out).not.toContain(v);
    expect(fs.existsSync(path.join(dataDir, 'mail'))).toBe(false);

    const db = await openDatabase({ dataDir: path.join(dataDir, 'db') });
    try {
      const count = async (table: string) => (await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))[0]!.n;
      expect(await count('guides')).toBe(0);
      expect(await count('consents')).toBe(0);
      expect(await count('notifications')).toBe(0);
    } finally {
      await db.close();
    }
  }, 120_000);
});
