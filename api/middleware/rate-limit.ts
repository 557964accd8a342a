import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { Redis } from 'ioredis';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import type { RateLimitSettings } from '../../server/config';
import { ApiError, rateLimited } from '../errors';

const limited = () => new ApiError(429, 'rate_limited', 'too many requests from this address; try again later');

/**
 * The general per-address budget of the public routes (express-rate-limit with its Redis store, so
 * every API process shares it). The other public budget, of token misses, is tokenMissBudget below.
 */
export function publicRateLimits(redis: Redis, prefix: string, s: RateLimitSettings): { general: RequestHandler } {
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
  return { general };
}

/**
 * One atomic step per miss: increment, start the window at the first miss, and return the count with
 * the seconds left. Two concurrent misses always see different counts, so exactly `limit` of them are
 * answered 404 whatever the concurrency (the old GET-then-INCR let ~57 of 100 concurrent misses by).
 */
const SPEND_MISS = `
local n = redis.call('INCR', KEYS[1])
local ttl = redis.call('TTL', KEYS[1])
if ttl < 0 then
  redis.call('EXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {n, ttl}`;

export interface TokenMissBudget {
  /** Counts one token miss of this request's address; throws 429 once the address is past its budget. */
  spend(req: Request): Promise<void>;
}

/**
 * The budget of token misses (unknown, expired or revoked tokens) per client address, shared by /g,
 * /api/access, /api/media and /api/events. Only misses are counted, and only once the lookup has
 * missed: a found token is always served (within the general budget), whatever the address's misses,
 * so a carrier's NAT putting thousands of citizens behind one address never locks out those who open
 * their own links. Past the budget a miss answers 429 (with Retry-After) instead of 404.
 *
 * Why that is enough: a token is 192 random bits. With 10^8 live tokens, one guess hits with
 * probability 10^8 / 2^192 ≈ 1.6·10^-50; 30 misses per 15 minutes per address, from a million
 * addresses for a century, is ~10^15 guesses: a hit stays below 10^-34. The budget does not protect
 * the tokens (their length does); it bounds the lookups an enumerator costs us and makes it visible
 * (429s in the request log and in videoguida_token_lookups_total{outcome="miss"}).
 */
export function tokenMissBudget(redis: Redis, prefix: string, limit: number, windowSeconds: number): TokenMissBudget {
  return {
    async spend(req) {
      const key = `${prefix}miss:${ipKeyGenerator(req.ip ?? 'unknown', 56)}`;
      let reply: [number, number];
      try {
        reply = (await redis.eval(SPEND_MISS, 1, key, String(windowSeconds))) as [number, number];
      } catch {
        throw new ApiError(503, 'unavailable', 'temporarily unavailable; try again later');
      }
      const [misses, ttl] = reply;
      if (misses > limit) throw rateLimited('too many unknown or expired links from this address; try again later', ttl);
    },
  };
}
