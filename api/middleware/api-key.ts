import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import type { Redis } from 'ioredis';
import { roleOfApiKey, type Role } from '../../server/db/api-keys';
import type { AppContext } from '../deps';
import { redisCall } from '../../server/redis';
import { forbidden, rateLimited, unauthorized } from '../errors';

declare module 'express-serve-static-core' {
  interface Request {
    role?: Role;
  }
}

/**
 * The key a request presents: Bearer (or X-API-Key) for programs; Basic (any user name, the key as
 * password) only where a browser must log in (Bull Board, `basic`). A browser caches Basic
 * credentials and sends them with any request to this origin, a forged one from another site
 * included; so no other route takes them, and Bull Board refuses cross-site writes (same-origin.ts).
 */
function presentedKey(req: Request, basic: boolean): string | undefined {
  const header = req.get('authorization') ?? '';
  const [scheme, value] = header.split(' ', 2);
  if (scheme?.toLowerCase() === 'bearer' && value) return value.trim();
  if (basic && scheme?.toLowerCase() === 'basic' && value) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    return decoded.slice(decoded.indexOf(':') + 1) || undefined;
  }
  return req.get('x-api-key') ?? undefined;
}

/**
 * Take one slot of the address's budget before a key is checked: refused past the budget. Taking
 * the slot and checking the count are one atomic step, so concurrent guesses cannot all pass a check
 * made before any of them was counted (the token-miss budget's old flaw).
 */
const RESERVE = `
local n = redis.call('INCR', KEYS[1])
local ttl = redis.call('TTL', KEYS[1])
if ttl < 0 then
  redis.call('EXPIRE', KEYS[1], ARGV[2])
  ttl = tonumber(ARGV[2])
end
if n > tonumber(ARGV[1]) then return {0, ttl} end
return {1, ttl}`;
/** A valid key gives its slot back; a counter that expired meanwhile is left alone. */
const REFUND = `
if redis.call('EXISTS', KEYS[1]) == 1 then
  if redis.call('DECR', KEYS[1]) <= 0 then redis.call('DEL', KEYS[1]) end
end
return 1`;

export interface KeyAttempts {
  /** Takes a slot for one key check of this address; throws 429 past the budget, 503 without Redis. */
  reserve(req: Request): Promise<{ refund(): void }>;
}

/**
 * Failed API-key attempts per client address: `limit` per `windowSeconds` (RATE_LIMIT_KEY_FAILURES,
 * RATE_LIMIT_KEY_FAILURE_WINDOW_SECONDS). Each key check holds a slot while the key is looked up and
 * gives it back when the key is valid, so only failures stay counted; past the budget every key
 * check from the address is refused with 429 until the window ends, valid keys included — otherwise
 * the budget would not slow a guesser down. Keys are at least 32 characters (config) and generated
 * ones 192 random bits: the budget guards against a weak configured key and keeps a guesser from
 * costing a database lookup per try.
 */
export function keyAttempts(redis: Redis, prefix: string, limit: number, windowSeconds: number): KeyAttempts {
  return {
    async reserve(req) {
      const key = `${prefix}key:${ipKeyGenerator(req.ip ?? 'unknown', 56)}`;
      // Without Redis no key is checked: 503 with Retry-After (RedisUnavailableError), never a pass
      // without the budget — it is what makes guessing a configured key slow.
      const reply = (await redisCall('the API-key failure budget', redis.eval(RESERVE, 1, key, String(limit), String(windowSeconds)))) as [number, number];
      if (reply[0] !== 1) throw rateLimited('too many failed API-key attempts from this address; try again later', reply[1]);
      return {
        refund: () => void redis.eval(REFUND, 1, key).catch(() => undefined),
      };
    },
  };
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** Operators create and manage guides; analysts read figures. A key holds exactly one role. */
export function requireRole(ctx: Pick<AppContext, 'db' | 'keyAttempts'>, roles: readonly Role[], options: { basicRealm?: string } = {}): RequestHandler {
  return async (req, res, next) => {
    const key = presentedKey(req, options.basicRealm !== undefined);
    const challenge = () => {
      if (options.basicRealm) res.setHeader('WWW-Authenticate', `Basic realm="${options.basicRealm}", charset="UTF-8"`);
      return unauthorized('missing or unknown API key (send Authorization: Bearer <key>)');
    };
    // No key at all is not a guess (a browser's first visit before its login prompt).
    if (!key) throw challenge();
    const slot = await ctx.keyAttempts.reserve(req);
    let role: Role | undefined;
    try {
      role = key.length <= 200 ? await roleOfApiKey(ctx.db, key) : undefined;
    } catch (err) {
      // The database did not answer (503): not a failed attempt. Kept, the slots of an outage's
      // requests locked every operator behind the address out for the whole window once it was over.
      slot.refund();
      throw err;
    }
    if (!role) throw challenge();
    slot.refund();
    if (!roles.includes(role)) throw forbidden(`this endpoint needs the ${roles.join(' or ')} role; the key is an ${role} key`);
    req.role = role;
    next();
  };
}

/**
 * A single configured key (METRICS_KEY for the Prometheus scraper): Bearer only, compared in constant
 * time, failures spending the same per-address budget as the API keys.
 */
export function requireConfiguredKey(ctx: Pick<AppContext, 'keyAttempts'>, expected: string, what: string): RequestHandler {
  const want = digest(expected);
  return async (req, _res, next) => {
    const [scheme, value] = (req.get('authorization') ?? '').split(' ', 2);
    const key = scheme?.toLowerCase() === 'bearer' ? value?.trim() : undefined;
    if (!key) throw unauthorized(`${what} needs Authorization: Bearer <key>`);
    const slot = await ctx.keyAttempts.reserve(req);
    if (!timingSafeEqual(digest(key), want)) throw unauthorized(`${what}: unknown key`);
    slot.refund();
    next();
  };
}
