import type { RouteConfig } from '@asteasolutions/zod-to-openapi';
import type { z } from 'zod';
import { errorBody } from '../../contract/errors';
import type { Role } from '../../server/db/api-keys';

/**
 * The error statuses each route can answer, every one with the shared error body (contract/errors.ts).
 * The building blocks below follow the code that refuses: requireRole (api/middleware/api-key.ts),
 * express.json and the error handler (api/middleware/error-handler.ts), validate.ts (query and path
 * 400, body 422), the public budgets (api/middleware/rate-limit.ts) and resolveToken's one 404.
 */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 416 | 422 | 429 | 503;
export type Refusals = Partial<Record<ErrorStatus, string>>;
export type Response = NonNullable<RouteConfig['responses']>[string];
/** Registers a route; `refuses` lists its error statuses by cause (the blocks below). */
export type PathFn = (method: RouteConfig['method'], p: string, summary: string, rest: Partial<RouteConfig> & { refuses?: Refusals[] }) => void;

export const json = (schema: z.ZodType, description: string): Response => ({ description, content: { 'application/json': { schema } } });

/** Several causes of one status are one response: their descriptions are joined. */
export function refusals(...parts: Refusals[]): Record<string, Response> {
  const joined = new Map<string, string[]>();
  for (const part of parts) for (const [status, why] of Object.entries(part)) joined.set(status, [...(joined.get(status) ?? []), why]);
  return Object.fromEntries([...joined].map(([status, why]) => [status, json(errorBody, why.join('; '))]));
}

/** The database (any route that reads it) or Redis (budgets, limits) did not answer: Retry-After. */
export const UNAVAILABLE: Refusals = { 503: 'the database or Redis did not answer: send again after Retry-After' };

/** An API key's route: no key or an unknown one, a key of another role, a guessing address. */
export function keyed(...roles: Role[]): Refusals {
  return {
    401: 'missing or unknown API key',
    // Each key holds one role: a route open to both never answers 403.
    ...(roles.length < 2 ? { 403: `not an ${roles.join(' or ')} key` } : {}),
    429: 'too many failed API-key attempts from this address (Retry-After)',
    ...UNAVAILABLE,
  };
}

/** A JSON body read by express.json with this limit. */
export const jsonBody = (limit: string): Refusals => ({
  400: 'malformed JSON',
  413: `body over ${limit}`,
  415: 'not application/json, or a content encoding',
});

/** A streamed NDJSON (or CSV) body: its lines are reported one by one, the body as a whole only refused for its type. */
export const streamedBody: Refusals = { 415: 'other content type, or a content encoding' };

/** Path parameters and query strings (validate.ts: param, query). */
export const badParameter = (what: string): Refusals => ({ 400: what });

/** The public budgets of a citizen's link: requests per address, and misses (which need Redis to be counted). */
export const linkBudget: Refusals = {
  429: 'too many requests, or too many unknown links, from this address (Retry-After)',
  503: 'Redis did not answer the unknown-link budget, or the database did not answer: send again after Retry-After',
};

/** A citizen's link: unknown, expired and revoked tokens get one answer, and misses spend a budget. */
export const tokenRefusals: Refusals = { 404: 'unknown, expired or revoked (one answer)', ...linkBudget };

/** The reserved area: a verified JWT, the general public budget. */
export const citizenJwt: Refusals = {
  401: 'missing, invalid or expired reserved-area JWT',
  429: 'too many requests from this address (Retry-After)',
  503: 'reserved area not configured (no JWT_PUBLIC_KEY or JWKS_URL), or the database did not answer',
};
