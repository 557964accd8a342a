import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { Redis } from 'ioredis';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import type { RateLimitSettings } from '../../server/config';
import { ApiError } from '../errors';

const limited = () => new ApiError(429, 'rate_limited', 'too many requests from this address; try again later');

/**
 * Two limits on the public routes, both counted in Redis so every API process shares them:
 * - a general per-address budget (express-rate-limit with the Redis store);
 * - a budget of *misses* (unknown, expired or revoked tokens): guessing is the only way to enumerate
 *   tokens and a real citizen almost never misses, so this budget is small and refills slowly.
 */
export function publicRateLimits(redis: Redis, prefix: string, s: RateLimitSettings): { general: RequestHandler; misses: { start: RequestHandler; check: RequestHandler } } {
  const general = rateLimit({
    windowMs: 60_000,
    limit: s.publicPerMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    // Redis unreachable: refuse rather than serve without limits (readyz reports it).
    passOnStoreError: false,
    handler: (_req, _res, next) => next(limited()),
    store: new RedisStore({
      prefix: `${prefix}pub:`,
      sendCommand: (command: string, ...args: string[]) => redis.call(command, ...args) as Promise<RedisReply>,
    }),
  });
  return { general, misses: missBudget(redis, `${prefix}miss:`, s.tokenMisses, s.tokenMissWindowSeconds) };
}

/**
 * Counts only answers that were 404s. Not express-rate-limit's skipSuccessfulRequests: that one counts
 * every request while it is in flight, so a burst of concurrent legitimate requests from one address
 * (a family behind one router, a carrier's NAT) would spend the miss budget without a single miss.
 * `start` sends the GET before the general limiter runs, so both Redis round trips overlap; `check`
 * awaits it. A miss adds one round trip after the answer is sent.
 */
function missBudget(redis: Redis, prefix: string, limit: number, windowSeconds: number): { start: RequestHandler; check: RequestHandler } {
  const pending = new WeakMap<object, { key: string; misses: Promise<string | null> }>();
  const start: RequestHandler = (req, res, next) => {
    const key = `${prefix}${ipKeyGenerator(req.ip ?? 'unknown', 56)}`;
    const misses = redis.get(key);
    misses.catch(() => undefined);
    pending.set(req, { key, misses });
    res.on('finish', () => {
      if (res.statusCode !== 404) return;
      // The window starts at the first miss (SET NX) and the count grows within it.
      redis.multi().set(key, '0', 'EX', windowSeconds, 'NX').incr(key).exec().catch(() => undefined);
    });
    next();
  };
  const check: RequestHandler = async (req, _res, next) => {
    const p = pending.get(req);
    if (!p) throw new Error('miss budget: check without start');
    let misses: number;
    try {
      misses = Number((await p.misses) ?? 0);
    } catch {
      throw new ApiError(503, 'unavailable', 'temporarily unavailable; try again later');
    }
    if (misses >= limit) throw limited();
    next();
  };
  return { start, check };
}
