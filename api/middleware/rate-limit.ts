import type { Request, RequestHandler } from 'express';
import { rateLimit, type IncrementResponse, type Options, type Store } from 'express-rate-limit';
import type { Redis } from 'ioredis';
import type { RateLimitSettings } from '../../server/config';
import type { Logger } from '../../server/logger';
import { redisCall, RedisUnavailableError } from '../../server/redis';
import { ApiError } from '../errors';
import { addressBudget } from './address-budget';

const limited = () => new ApiError(429, 'rate_limited', 'too many requests from this address; try again later');

// A window per key: the first hit starts it, later hits count within it (rate-limit-redis's script).
const INCREMENT = `
local ttl = redis.call('PTTL', KEYS[1])
if ttl <= 0 then
  redis.call('SET', KEYS[1], 1, 'PX', ARGV[1])
  return {1, tonumber(ARGV[1])}
end
return {redis.call('INCR', KEYS[1]), ttl}`;

/**
 * express-rate-limit's counters in Redis, shared by every API process. Each command is bounded by the
 * client's command timeout and any failure is a RedisUnavailableError, which each limiter turns into
 * its defined answer (below). EVAL each time, not a script loaded once at start: rate-limit-redis
 * keeps the rejected SCRIPT LOAD of a start during an outage and fails every later request with it.
 */
export class RedisCounterStore implements Store {
  localKeys = false;
  private windowMs = 60_000;

  constructor(
    private readonly redis: Redis,
    readonly prefix: string,
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  async increment(key: string): Promise<IncrementResponse> {
    const [hits, ttl] = (await redisCall('a rate limit', this.redis.eval(INCREMENT, 1, `${this.prefix}${key}`, String(this.windowMs)))) as [number, number];
    return { totalHits: hits, resetTime: new Date(Date.now() + ttl) };
  }

  async decrement(key: string): Promise<void> {
    await redisCall('a rate limit', this.redis.decr(`${this.prefix}${key}`));
  }

  async resetKey(key: string): Promise<void> {
    await redisCall('a rate limit', this.redis.del(`${this.prefix}${key}`));
  }
}

const OPEN_LOG_INTERVAL_MS = 30_000;

/**
 * A limiter that lets requests through while Redis is unavailable (its command timed out or failed),
 * with a warning at most every 30 s. Any other error goes on as before.
 */
export function failOpen(limiter: RequestHandler, what: string, logger: Logger): RequestHandler {
  let last = 0;
  return (req, res, next) =>
    limiter(req, res, (err?: unknown) => {
      if (!(err instanceof RedisUnavailableError)) return next(err as Error);
      if (Date.now() - last >= OPEN_LOG_INTERVAL_MS) {
        last = Date.now();
        logger.warn({ limiter: what, err: { type: err.name, message: err.message } }, 'Redis unavailable: requests pass without this rate limit');
      }
      next();
    });
}

/**
 * The general per-address budget of the public routes (/g, /api/access, /api/media, /api/me). The
 * other public budget, of token misses, is tokenMissBudget below.
 *
 * When Redis does not answer (within REDIS_COMMAND_TIMEOUT_MS), this one fails open: it sheds one
 * address's excess load, and refusing it would refuse every citizen their own guide for as long as
 * Redis is away, while serving costs one indexed lookup per request. What it leaves unguarded stays
 * guarded: an unknown token still needs the miss budget (503 without Redis), and the operator, event
 * and receipt routes still refuse (503). A warning is logged at most every 30 s.
 */
export function publicRateLimits(redis: Redis, prefix: string, s: RateLimitSettings, logger: Logger): { general: RequestHandler } {
  const general = rateLimit({
    windowMs: 60_000,
    limit: s.publicPerMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    // The store's errors reach failOpen (RedisUnavailableError), never express-rate-limit's console log.
    passOnStoreError: false,
    handler: (_req, _res, next) => next(limited()),
    store: new RedisCounterStore(redis, `${prefix}pub:`),
  });
  return { general: failOpen(general, 'public requests per address', logger) };
}

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
  const spend = addressBudget(redis, {
    prefix: `${prefix}miss:`,
    limit,
    windowSeconds,
    what: 'the token-miss budget',
    refused: 'too many unknown or expired links from this address; try again later',
  });
  return { spend };
}
