import type { RequestHandler } from 'express';
import { rateLimit, type Options } from 'express-rate-limit';
import type { Redis } from 'ioredis';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import type { RateLimitSettings } from '../settings';
import { ApiError } from '../errors';

/**
 * Two limits on the public routes, both counted in Redis so every API process shares them:
 * - a general per-address budget (a person watching a guide needs a handful of requests);
 * - a budget of *misses* (unknown, expired or revoked tokens): guessing tokens is the only way to
 *   enumerate them, and a real citizen almost never misses, so this one is small and slow to refill.
 */
export function publicRateLimits(redis: Redis, prefix: string, s: RateLimitSettings): { general: RequestHandler; misses: RequestHandler } {
  const store = (name: string) =>
    new RedisStore({
      prefix: `${prefix}${name}:`,
      sendCommand: (command: string, ...args: string[]) => redis.call(command, ...args) as Promise<RedisReply>,
    });
  const common: Partial<Options> = {
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    // Redis unreachable: refuse rather than serve unlimited (readyz reports it).
    passOnStoreError: false,
    handler: (_req, _res, next) => next(new ApiError(429, 'rate_limited', 'too many requests from this address; try again later')),
  };
  const general = rateLimit({ ...common, windowMs: 60_000, limit: s.publicPerMinute, store: store('pub') });
  const misses = rateLimit({
    ...common,
    windowMs: s.tokenMissWindowSeconds * 1000,
    limit: s.tokenMisses,
    // Its headers would replace the general budget's; the miss budget is not advertised.
    standardHeaders: false,
    skipSuccessfulRequests: true,
    requestWasSuccessful: (_req, res) => res.statusCode !== 404,
    store: store('miss'),
  });
  return { general, misses };
}
