import { Redis, type RedisOptions } from 'ioredis';
import type { RedisSettings } from './config';
import type { Logger } from './logger';

/**
 * Every Redis client of the project is made here, so every command has a timeout and a defined
 * failure (issue #15, finding 3). Three kinds:
 *
 * - `commands`: what a request waits on — budgets, rate limits, receipts' replay slots, readiness.
 *   `commandTimeout` (REDIS_COMMAND_TIMEOUT_MS, 2 s) bounds each command whether Redis is gone
 *   (the command waits in ioredis's offline queue) or stalled (connected, never answering: a
 *   SIGSTOP, a swapping host); `maxRetriesPerRequest: 1` fails what waits in the offline queue after
 *   one failed reconnect, so an outage does not pile commands up. The caller turns the failure into
 *   503 with Retry-After, or fails open (api/middleware/rate-limit.ts says which and why).
 * - `queue`: producers (Queue.add from the API and the outbox relay). The same bounds: the database
 *   already holds what was to be enqueued ('queued' guides, outbox rows), and the reconcile and the
 *   relay enqueue it once Redis answers, so a failed add is logged, never waited on.
 * - `worker`: BullMQ Workers. BullMQ requires `maxRetriesPerRequest: null` on the connections it
 *   blocks on (BZPOPMIN), and a Worker duplicates the connection it is given for them, so this one
 *   keeps BullMQ's setting; its timeout sits above BullMQ's longest blocking wait (10 s, plus its
 *   own 1 s watchdog), so a stalled Redis fails a job step (BullMQ retries it) instead of hanging
 *   it, and a healthy one never trips it.
 */
export type RedisRole = 'commands' | 'queue' | 'worker';

/** Above BullMQ's longest BZPOPMIN (10 s) and its watchdog (1 s), with room for a loaded machine. */
export const WORKER_COMMAND_TIMEOUT_MS = 30_000;

/** Seconds a client is told to wait (Retry-After) when Redis did not answer. */
export const REDIS_RETRY_AFTER_SECONDS = 5;

export function redisOptions(settings: Pick<RedisSettings, 'commandTimeoutMs'>, role: RedisRole): RedisOptions {
  if (role === 'worker') return { maxRetriesPerRequest: null, commandTimeout: Math.max(WORKER_COMMAND_TIMEOUT_MS, settings.commandTimeoutMs) };
  return { commandTimeout: settings.commandTimeoutMs, maxRetriesPerRequest: 1, enableOfflineQueue: true, connectTimeout: 10_000 };
}

/** host:port of a Redis URL, never its credentials: what logs and the start banner show. */
export function redisAddress(url: string): string {
  const u = new URL(url);
  return `${u.hostname || '127.0.0.1'}:${u.port || '6379'}`;
}

const ERROR_LOG_INTERVAL_MS = 30_000;

/**
 * A client of the given kind. Connection errors are logged (at most every 30 s, without the URL,
 * which may hold a password) instead of ioredis's "Unhandled error event" on every reconnect.
 */
export function createRedis(settings: RedisSettings, role: RedisRole, name: string, logger?: Logger): Redis {
  const client = new Redis(settings.url, { ...redisOptions(settings, role), connectionName: `videoguida:${name}` });
  let lastLogged = 0;
  client.on('error', (err: Error) => {
    if (!logger || Date.now() - lastLogged < ERROR_LOG_INTERVAL_MS) return;
    lastLogged = Date.now();
    logger.warn({ redis: redisAddress(settings.url), client: name, err: { type: err.name, message: err.message } }, 'Redis connection error');
  });
  return client;
}

/**
 * A Redis call failed or timed out: Redis is unavailable for this operation. The API's error
 * middleware answers it 503 with Retry-After; callers with a database fallback catch it.
 */
export class RedisUnavailableError extends Error {
  constructor(
    readonly operation: string,
    cause?: unknown,
  ) {
    super(`Redis did not serve ${operation}: ${cause instanceof Error ? cause.message : String(cause ?? 'no answer')}`);
    this.name = 'RedisUnavailableError';
  }
}

/** Awaits a Redis call; any failure (timeout, connection lost, Redis refusing) becomes RedisUnavailableError. */
export async function redisCall<T>(operation: string, call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (err) {
    throw err instanceof RedisUnavailableError ? err : new RedisUnavailableError(operation, err);
  }
}

export interface RedisSettingProblem {
  setting: string;
  expected: string;
  got: string;
  why: string;
}

export interface RedisSettingsReport {
  appendonly: string;
  save: string;
  maxmemoryPolicy: string;
  problems: RedisSettingProblem[];
}

async function configGet(redis: Redis, name: string): Promise<string> {
  const reply = (await redis.call('CONFIG', 'GET', name)) as string[];
  return reply[1] ?? '';
}

/**
 * What production needs of Redis (BullMQ's "going to production"): it keeps its data across a
 * restart — the render and notify queues, and the commit markers that make each email go out once —
 * with the append-only file (recommended, `appendfsync everysec`) or at least RDB save points; and it
 * never evicts a key (`maxmemory-policy noeviction`: an evicted job or lock breaks the queues).
 */
export async function readRedisSettings(redis: Redis): Promise<RedisSettingsReport> {
  const [appendonly, save, maxmemoryPolicy] = await Promise.all([
    configGet(redis, 'appendonly'),
    configGet(redis, 'save'),
    configGet(redis, 'maxmemory-policy'),
  ]);
  const problems: RedisSettingProblem[] = [];
  if (appendonly !== 'yes' && !save.trim()) {
    problems.push({
      setting: 'appendonly',
      expected: 'yes (or RDB save points)',
      got: `appendonly ${appendonly || '(unset)'}, save "${save}"`,
      why: 'a Redis restart would lose every queued render and notification and the email commit markers',
    });
  }
  if (maxmemoryPolicy !== 'noeviction') {
    problems.push({
      setting: 'maxmemory-policy',
      expected: 'noeviction',
      got: maxmemoryPolicy || '(unset)',
      why: 'Redis would evict queue jobs, locks and markers when memory runs short',
    });
  }
  return { appendonly, save, maxmemoryPolicy, problems };
}

/** The settings a production Redis needs, as redis.conf lines (the doctor and docs/operations.md print them). */
export const PRODUCTION_REDIS_CONF = ['appendonly yes', 'appendfsync everysec', 'maxmemory-policy noeviction'];

export class RedisSettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RedisSettingsError';
  }
}

/**
 * npm start in production: refuses a Redis that would lose or evict the queues, naming the setting,
 * what it expects and what it found. REDIS_SKIP_SETTINGS_CHECK=true skips it (a managed Redis that
 * disables CONFIG, once its provider's settings were verified).
 */
export async function assertProductionRedis(redis: Redis, settings: RedisSettings): Promise<RedisSettingsReport | null> {
  if (settings.skipSettingsCheck) return null;
  const at = redisAddress(settings.url);
  let report: RedisSettingsReport;
  try {
    report = await readRedisSettings(redis);
  } catch (err) {
    throw new RedisSettingsError(
      `could not read the settings of Redis at ${at} (CONFIG GET: ${(err as Error).message}); production needs ${PRODUCTION_REDIS_CONF.join(', ')}. ` +
        'If CONFIG is disabled (a managed Redis), verify those settings with the provider and set REDIS_SKIP_SETTINGS_CHECK=true',
    );
  }
  if (report.problems.length) {
    const lines = report.problems.map((p) => `  ${p.setting}: expected ${p.expected}, got ${p.got}: ${p.why}`);
    throw new RedisSettingsError(
      `Redis at ${at} is not fit for production:\n${lines.join('\n')}\nset in redis.conf: ${PRODUCTION_REDIS_CONF.join('; ')} (or at runtime: redis-cli CONFIG SET appendonly yes; redis-cli CONFIG SET maxmemory-policy noeviction; then CONFIG REWRITE)`,
    );
  }
  return report;
}
