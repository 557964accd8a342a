import { createHash } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import type { AppContext } from '../deps';
import { ApiError } from '../errors';
import { publicRateLimits } from '../middleware/rate-limit';
import type { IngestSettings } from '../../server/config';

/** The token of a batch already checked by parseBatch (the token limiter runs after it). */
export const batchTokenOf = (req: Request): string => (req.res?.locals.batch as { token: string }).token;

/**
 * Three budgets on POST /api/events, all counted in Redis so every API process shares them:
 * per client address, per token (a runaway or forged player loop on one link), and the shared budget
 * of token misses that /g and /api/access spend too (an unknown token answers 404 here as well, so the
 * endpoint must not become a cheaper way to test guessed tokens).
 */
export function eventLimits(ctx: AppContext, s: IngestSettings) {
  const prefix = ctx.rateLimitPrefix ?? `${ctx.config.queuePrefix}:rl:`;
  const store = (name: string) =>
    new RedisStore({ prefix: `${prefix}${name}`, sendCommand: (command: string, ...args: string[]) => ctx.redis.call(command, ...args) as Promise<RedisReply> });
  const limiter = (name: string, limit: number, keyGenerator: (req: Request) => string, message: string): RequestHandler =>
    rateLimit({
      windowMs: 60_000,
      limit,
      standardHeaders: 'draft-7',
      legacyHeaders: false,
      passOnStoreError: false,
      keyGenerator,
      handler: (_req, _res, next) => next(new ApiError(429, 'rate_limited', message)),
      store: store(name),
    });
  return {
    perAddress: limiter('ev:ip:', s.perAddressPerMinute, (req) => ipKeyGenerator(req.ip ?? 'unknown', 56), 'too many event batches from this address; try again later'),
    // The Redis key holds a hash of the token, never the token.
    perToken: limiter('ev:tok:', s.perTokenPerMinute, (req) => createHash('sha256').update(batchTokenOf(req)).digest('base64url').slice(0, 22), 'too many event batches for this link; try again later'),
    misses: publicRateLimits(ctx.redis, prefix, ctx.config.api.rateLimits).misses,
  };
}
