import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import { roleOfApiKey, type Role } from '../../server/db/api-keys';
import type { AppContext } from '../deps';
import { forbidden, unauthorized } from '../errors';
import { addressBudget } from './address-budget';

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

export interface KeyAttempts {
  /**
   * Counts a failed key check of this address: resolves within the budget (the caller answers 401),
   * throws 429 past it, 503 without Redis (a failure is never answered uncounted).
   */
  fail(req: Request): Promise<void>;
}

/**
 * Failed API-key attempts per client address: `limit` per `windowSeconds` (RATE_LIMIT_KEY_FAILURES,
 * RATE_LIMIT_KEY_FAILURE_WINDOW_SECONDS). Only failures are counted, and a valid key is accepted
 * whatever the address's count: an upstream sends many concurrent requests, and a guesser behind the
 * same NAT must not lock every operator out. Past the budget a wrong key answers 429 (Retry-After)
 * instead of 401. What makes guessing hopeless is the key's length — at least 32 characters in the
 * configuration, 192 random bits when generated — not this budget; it bounds the 401s an address
 * gets and makes a guesser visible (429s in the log).
 */
export function keyAttempts(redis: Redis, prefix: string, limit: number, windowSeconds: number): KeyAttempts {
  // Only a failure is counted: a valid key never touches the counter (an earlier version took a slot
  // for every check and gave a valid key's back, but never gave back a slot it had refused, so waves
  // of concurrent valid keys filled the counter by themselves and locked their own upstream out).
  const fail = addressBudget(redis, {
    prefix: `${prefix}key:`,
    limit,
    windowSeconds,
    what: 'the API-key failure budget',
    refused: 'too many failed API-key attempts from this address; try again later',
  });
  return { fail };
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
    // A database that does not answer throws (503): not a failed attempt, nothing is counted.
    const role = key.length <= 200 ? await roleOfApiKey(ctx.db, key) : undefined;
    if (!role) {
      await ctx.keyAttempts.fail(req);
      throw challenge();
    }
    if (!roles.includes(role)) throw forbidden(`this endpoint needs the ${roles.join(' or ')} role; the key is an ${role} key`);
    req.role = role;
    next();
  };
}

/**
 * A single configured key (METRICS_KEY for the Prometheus scraper): Bearer only, compared in constant
 * time, failures spending the same per-address budget as the API keys (a valid key is always accepted).
 */
export function requireConfiguredKey(ctx: Pick<AppContext, 'keyAttempts'>, expected: string, what: string): RequestHandler {
  const want = digest(expected);
  return async (req, _res, next) => {
    const [scheme, value] = (req.get('authorization') ?? '').split(' ', 2);
    const key = scheme?.toLowerCase() === 'bearer' ? value?.trim() : undefined;
    if (!key) throw unauthorized(`${what} needs Authorization: Bearer <key>`);
    if (!timingSafeEqual(digest(key), want)) {
      await ctx.keyAttempts.fail(req);
      throw unauthorized(`${what}: unknown key`);
    }
    next();
  };
}
