import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pingRedis } from './doctor';
import type { Logger } from './logger';
import { PRODUCTION_REDIS_CONF, redisAddress } from './redis';

export interface RedisHandle {
  /** True when this process launched redis-server (and will stop it). */
  started: boolean;
  stop(): Promise<void>;
}

const LOCAL = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/**
 * npm start needs Redis for the render queue and the rate limits. When nothing answers at REDIS_URL
 * on this machine, launch redis-server from PATH with its files in DATA_DIR/redis (append-only file,
 * so queued renders survive a restart; no eviction, Redis's default) and stop it when we stop.
 * Production never launches one (`launch: false`): its Redis is a service of its own, configured and
 * backed up as docs/operations.md says, that outlives any one API process.
 */
export async function ensureRedis(url: string, dataDir: string, logger: Logger, options: { launch: boolean } = { launch: true }): Promise<RedisHandle> {
  if (await pingRedis(url)) return { started: false, stop: async () => undefined };
  const u = new URL(url);
  if (!options.launch) {
    throw new Error(
      `nothing answers at REDIS_URL (${redisAddress(url)}); production needs its own Redis service (${PRODUCTION_REDIS_CONF.join(', ')}): see docs/operations.md`,
    );
  }
  if (!LOCAL.has(u.hostname)) throw new Error(`nothing answers at REDIS_URL (${redisAddress(url)}); start Redis there or unset REDIS_URL`);
  const dir = path.join(dataDir, 'redis');
  fs.mkdirSync(dir, { recursive: true });
  const args = [
    '--port',
    u.port || '6379',
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--appendonly',
    'yes',
    '--appendfsync',
    'everysec',
    '--maxmemory-policy',
    'noeviction',
    '--save',
    '',
    '--daemonize',
    'no',
    '--logfile',
    'redis.log',
  ];
  if (u.password) args.push('--requirepass', decodeURIComponent(u.password));
  const child: ChildProcess = spawn('redis-server', args, { stdio: 'ignore' });
  const failed = new Promise<never>((_, reject) => {
    child.once('error', (err: NodeJS.ErrnoException) =>
      reject(new Error(err.code === 'ENOENT' ? 'redis-server is not installed: sudo apt-get install -y redis-server' : `redis-server: ${err.message}`)),
    );
    child.once('exit', (code) => reject(new Error(`redis-server exited at once (code ${code}); see ${path.join(dir, 'redis.log')}`)));
  });
  const ready = (async () => {
    for (let i = 0; i < 100; i++) {
      if (await pingRedis(url, 200)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`redis-server did not answer within 10 s; see ${path.join(dir, 'redis.log')}`);
  })();
  await Promise.race([ready, failed]);
  failed.catch(() => undefined);
  logger.info({ port: u.port || '6379', dir }, 'redis-server started');
  return {
    started: true,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
