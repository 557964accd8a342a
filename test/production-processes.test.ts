import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startRedisProcess, type RedisProcess } from './helpers/redis-process';
import { freePort } from './helpers/services';

/**
 * Issue #15: only `npm start` refused a production misconfiguration; `npm run worker`, `notifier`,
 * `narrator` and `intake` started without TOKEN_SECRET, with a placeholder, on PGlite or on a Redis
 * that keeps no data. Each now refuses with npm start's messages, for the variables it uses, before
 * it opens anything (the database and Redis addresses below have nothing listening, but one).
 */

const MAINS = {
  api: 'system/api.ts',
  worker: 'system/worker.ts',
  notifier: 'system/notifier.ts',
  narrator: 'system/narrator.ts',
  intake: 'system/intake.ts',
} as const;
type Name = keyof typeof MAINS;

const secret = (c: string) => `${c}-${'0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, 30)}`;
const dirs: string[] = [];
const redises: RedisProcess[] = [];
afterAll(async () => {
  for (const r of redises) await r.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

async function run(name: Name, env: Record<string, string>): Promise<{ code: number | null; output: string; ms: number }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vg-prodproc-'));
  dirs.push(dataDir);
  // A clean slate of the project's variables (the suite's environment may set some).
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) =>
        !/^(REDIS_|DATABASE_|NODE_ENV|SMTP_|PEC_|SMS_|APP_|NOTIFY_|AMQP_|INTAKE_|OPERATOR_KEY|ANALYST_KEY|METRICS_KEY|TOKEN_SECRET|FISCAL_CODE_HMAC_KEY|PUBLIC_BASE_URL)/.test(
          k,
        ),
    ),
  );
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', MAINS[name]], {
    env: { ...base, NODE_ENV: 'production', DATA_DIR: dataDir, REDIS_URL: `redis://127.0.0.1:${await freePort()}`, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const killer = setTimeout(() => child.kill('SIGKILL'), 45_000);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  clearTimeout(killer);
  // Nothing was created in DATA_DIR: no PGlite database, no generated secrets.
  expect(fs.readdirSync(dataDir), `${name} wrote to DATA_DIR`).toEqual([]);
  return { code, output, ms: performance.now() - started };
}

const nowhere = async () => `postgres://127.0.0.1:${await freePort()}/none`;

describe('the other production processes refuse what production cannot run with', () => {
  it('notifier and intake: their secrets and PUBLIC_BASE_URL, named; not the API keys they do not use', async () => {
    const [notifier, intake] = await Promise.all([run('notifier', {}), run('intake', { AMQP_URL: 'amqp://127.0.0.1:1/none', DATABASE_URL: await nowhere() })]);
    for (const r of [notifier, intake]) {
      expect(r.code).toBe(1);
      for (const v of ['TOKEN_SECRET', 'FISCAL_CODE_HMAC_KEY', 'PUBLIC_BASE_URL']) expect(r.output).toContain(`  ${v}: required in production`);
      expect(r.output).not.toContain('OPERATOR_KEY');
      expect(r.output).not.toContain('ANALYST_KEY');
    }
    expect(notifier.output).toMatch(/^npm run notifier failed: invalid configuration:/m);
    expect(notifier.output).toContain('  DATABASE_URL: required in production by npm run notifier');
    expect(intake.output).not.toContain('DATABASE_URL');
  }, 60_000);

  it('a placeholder TOKEN_SECRET, never printed; a webhook without NOTIFY_WEBHOOK_SECRET', async () => {
    const good = { TOKEN_SECRET: secret('t'), FISCAL_CODE_HMAC_KEY: secret('f'), PUBLIC_BASE_URL: 'https://guide.example.org' };
    const [notifier, intake] = await Promise.all([
      run('notifier', { ...good, DATABASE_URL: await nowhere(), SMS_WEBHOOK_URL: 'https://sms.example.org/send' }),
      run('intake', { ...good, TOKEN_SECRET: 'changeme'.repeat(5), AMQP_URL: 'amqp://127.0.0.1:1/none', DATABASE_URL: await nowhere() }),
    ]);
    expect(notifier.code).toBe(1);
    expect(notifier.output).toContain('  NOTIFY_WEBHOOK_SECRET: required in production: SMS_WEBHOOK_URL is set');
    expect(notifier.output).not.toContain('TOKEN_SECRET');
    expect(intake.code).toBe(1);
    expect(intake.output).toMatch(/TOKEN_SECRET looks like a placeholder, not a random value \(7 distinct characters in 40/);
    expect(intake.output).not.toContain('changeme');
  }, 60_000);

  it('api (npm run api): every variable npm start checks, and PostgreSQL, named before anything opens', async () => {
    const api = await run('api', {});
    expect(api.code).toBe(1);
    expect(api.output).toMatch(/^npm run api failed: invalid configuration:/m);
    for (const v of ['TOKEN_SECRET', 'FISCAL_CODE_HMAC_KEY', 'PUBLIC_BASE_URL', 'OPERATOR_KEY', 'ANALYST_KEY'])
      expect(api.output).toContain(`  ${v}: required in production`);
    expect(api.output).toContain('  DATABASE_URL: required in production by npm run api');
  }, 60_000);

  it('worker and narrator: PostgreSQL, then a Redis that answers and keeps the queues, named', async () => {
    const volatile = await startRedisProcess();
    redises.push(volatile);
    const [worker, narrator, noRedis, volatileRedis] = await Promise.all([
      run('worker', {}),
      run('narrator', {}),
      run('worker', { DATABASE_URL: await nowhere() }),
      run('narrator', { DATABASE_URL: await nowhere(), REDIS_URL: volatile.url }),
    ]);
    expect(worker.code).toBe(1);
    expect(worker.output).toContain('  DATABASE_URL: required in production by npm run worker');
    expect(narrator.code).toBe(1);
    expect(narrator.output).toContain('  DATABASE_URL: required in production by npm run narrator');
    // The worker and the narrator derive no link: no secret is asked of them.
    expect(worker.output + narrator.output).not.toContain('TOKEN_SECRET');
    expect(noRedis.code).toBe(1);
    expect(noRedis.output).toMatch(/nothing answers at REDIS_URL \(127\.0\.0\.1:\d+\); production needs its own Redis service/);
    expect(volatileRedis.code).toBe(1);
    expect(volatileRedis.output).toMatch(/appendonly: expected yes \(or RDB save points\), got appendonly no, save ""/);
  }, 60_000);
});
