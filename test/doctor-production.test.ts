import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { startRedisProcess, type RedisProcess } from './helpers/redis-process';
import { freePort } from './helpers/services';

/**
 * Issue #15: `npm run doctor` with NODE_ENV=production fails on what production would refuse (the
 * configuration, a Redis that keeps no data or evicts, no Redis at all) and prints what production
 * needs. Read-only against Redis (CONFIG GET), so redis-servers of this file's own.
 */

const secret = (c: string) => `${c}-${'0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, 30)}`;
const PRODUCTION = {
  NODE_ENV: 'production',
  TOKEN_SECRET: secret('t'),
  FISCAL_CODE_HMAC_KEY: secret('f'),
  OPERATOR_KEY: secret('o'),
  ANALYST_KEY: secret('a'),
  PUBLIC_BASE_URL: 'https://guide.example.org',
};

const redises: RedisProcess[] = [];
afterAll(async () => {
  for (const r of redises) await r.close();
});

function doctor(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) =>
        !/^(REDIS_|DATABASE_|NODE_ENV|SMTP_|SMS_|APP_|NOTIFY_|JWT_|JWKS_|OPERATOR_KEY|ANALYST_KEY|METRICS_KEY|TOKEN_SECRET|FISCAL_CODE_HMAC_KEY|PUBLIC_BASE_URL|npm_lifecycle_event)/.test(
          k,
        ),
    ),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', 'system/doctor-cli.ts', '--for', 'start'], {
    env: { ...base, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

describe('npm run doctor with NODE_ENV=production', () => {
  it('fails on the configuration and the Redis production would refuse, prints the fixes and what production needs', async () => {
    const volatile = await startRedisProcess();
    const persistent = await startRedisProcess(['--appendonly', 'yes']);
    redises.push(volatile, persistent);
    const [bad, none, good] = await Promise.all([
      doctor({ NODE_ENV: 'production', TOKEN_SECRET: 'changeme'.repeat(5), REDIS_URL: volatile.url }),
      doctor({ ...PRODUCTION, REDIS_URL: `redis://127.0.0.1:${await freePort()}` }),
      doctor({ ...PRODUCTION, REDIS_URL: persistent.url }),
    ]);

    expect(bad.code).toBe(1);
    const configuration = bad.output.split('\n').find((l) => l.startsWith('doctor: FAIL configuration: production needs: '));
    expect(configuration, bad.output).toBeDefined();
    expect(configuration).toMatch(/TOKEN_SECRET \(TOKEN_SECRET looks like a placeholder/);
    for (const v of ['FISCAL_CODE_HMAC_KEY', 'OPERATOR_KEY', 'ANALYST_KEY', 'PUBLIC_BASE_URL']) expect(configuration).toContain(`${v} (required in production`);
    expect(bad.output).not.toContain('changeme');
    expect(bad.output).toMatch(/doctor: FAIL redis: answers at 127\.0\.0\.1:\d+; appendonly: expected yes \(or RDB save points\), got appendonly no, save ""/);
    expect(bad.output).not.toContain('fine here, not for production');
    expect(bad.output).toContain('doctor: fix with:');
    expect(bad.output).toContain('doctor:   set the variables above (docs/operations.md)');
    expect(bad.output).toContain('doctor:   set in redis.conf: appendonly yes; appendfsync everysec; maxmemory-policy noeviction');
    expect(bad.output).toContain('doctor: production (NODE_ENV=production; docs/operations.md) needs:');
    expect(bad.output).toContain('doctor:   - Redis as its own service with appendonly yes, appendfsync everysec, maxmemory-policy noeviction');

    // Production launches no Redis: nothing answering is a failure, not "npm start will launch one".
    expect(none.code).toBe(1);
    expect(none.output).toMatch(/doctor: FAIL redis: nothing answers at 127\.0\.0\.1:\d+/);
    expect(none.output).not.toContain('will launch redis-server');
    expect(none.output).toContain('doctor: ok   configuration: valid (production)');

    // What production needs, present: both checks pass (the machine's packages decide the rest).
    expect(good.output).toContain('doctor: ok   configuration: valid (production)');
    expect(good.output).toMatch(/doctor: ok {3}redis: answers at 127\.0\.0\.1:\d+; production-ready \(appendonly yes, maxmemory-policy noeviction\)/);
  }, 90_000);
});
