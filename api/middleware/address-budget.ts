import type { Request } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import type { Redis } from 'ioredis';
import { redisCall } from '../../server/redis';
import { rateLimited } from '../errors';

/**
 * One atomic step per spend: increment, start the window at the first, and return the count with the
 * seconds left. Counting and comparing cannot interleave, so of N concurrent spends exactly `limit`
 * are within the budget and the rest answered 429, however they interleave (an earlier GET-then-INCR
 * let ~57 of 100 concurrent misses by).
 */
const SPEND = `
local n = redis.call('INCR', KEYS[1])
local ttl = redis.call('TTL', KEYS[1])
if ttl < 0 then
  redis.call('EXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {n, ttl}`;

export interface AddressBudget {
  /** Redis key prefix of the counters; the address (IPv6 by its /56) follows. */
  prefix: string;
  limit: number;
  windowSeconds: number;
  /** The budget in RedisUnavailableError's message. */
  what: string;
  /** The 429's message past the budget. */
  refused: string;
}

/**
 * Spends one unit of a per-address budget of failures (wrong API keys, unknown tokens): resolves
 * within it, throws 429 with Retry-After past it. Without Redis the spend cannot be counted: 503
 * (RedisUnavailableError), never an uncounted answer, so the budget never fails open.
 */
export function addressBudget(redis: Redis, b: AddressBudget): (req: Request) => Promise<void> {
  return async (req) => {
    const key = `${b.prefix}${ipKeyGenerator(req.ip ?? 'unknown', 56)}`;
    const [spent, ttl] = (await redisCall(b.what, redis.eval(SPEND, 1, key, String(b.windowSeconds)))) as [number, number];
    if (spent > b.limit) throw rateLimited(b.refused, ttl);
  };
}
