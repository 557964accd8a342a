import { createHash } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { AppContext } from '../deps';
import { RedisCounterStore } from '../middleware/rate-limit';
import { ApiError } from '../errors';
import type { IngestSettings } from '../../server/config';

/** The token of a batch already checked by parseBatch (the token limiter runs after it). */
export const batchTokenOf = (req: Request): string => (req.res?.locals.batch as { token: string }).token;

/**
 * Budgets on POST /api/events, all counted in Redis so every API process shares them: batches per
 * client address and per token (a runaway or forged player loop on one link). An unknown token spends
 * the address's miss budget like /g and /api/access (ctx.tokenMisses, through resolveToken), so the
 * endpoint is no cheaper way to test guessed tokens.
 *
 * Without Redis (no answer within REDIS_COMMAND_TIMEOUT_MS) both refuse: 503 with Retry-After
 * (RedisUnavailableError through the error middleware). The player keeps its batch and sends it again,
 * and the view budget behind them needs Redis anyway; failing open would let a forged loop write
 * without any bound for as long as Redis is away.
 */
export function eventLimits(ctx: AppContext, s: IngestSettings) {
  const prefix = ctx.rateLimitPrefix;
  const store = (name: string) => new RedisCounterStore(ctx.redis, `${prefix}${name}`);
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
    perAddress: limiter(
      'ev:ip:',
      s.perAddressPerMinute,
      (req) => ipKeyGenerator(req.ip ?? 'unknown', 56),
      'too many event batches from this address; try again later',
    ),
    // The Redis key holds a hash of the token, never the token.
    perToken: limiter(
      'ev:tok:',
      s.perTokenPerMinute,
      (req) => createHash('sha256').update(batchTokenOf(req)).digest('base64url').slice(0, 22),
      'too many event batches for this link; try again later',
    ),
  };
}
