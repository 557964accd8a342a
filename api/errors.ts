import type { FieldError } from '../compositions/common/validation';

/**
 * Every failure a client can cause is one of these; the error middleware turns it into
 * {"error": {"code", "message", "field"}} and nothing else (no stack, no SQL, no input echo).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly details?: FieldError[],
    /** Headers the answer must carry (Retry-After on a 429, Content-Range on a 416). */
    readonly headers?: Readonly<Record<string, string>>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The one answer for unknown, expired and revoked tokens (and anything else not found). */
export const notFound = () => new ApiError(404, 'not_found', 'not found');

export const unauthorized = (message = 'missing or invalid credentials') => new ApiError(401, 'unauthorized', message);

export const forbidden = (message = 'this key may not do that') => new ApiError(403, 'forbidden', message);

/** A rejected input: the first problem as field + message, all of them in details. */
export function invalid(code: string, errors: FieldError[]): ApiError {
  const first = errors[0] ?? { field: '(root)', message: 'invalid input' };
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
  return new ApiError(422, code, `${first.field}: ${first.message}${more}`, first.field, errors);
}

export const badRequest = (code: string, message: string, field?: string) => new ApiError(400, code, message, field);

/**
 * 503 with Retry-After: a dependency (Redis, for a budget) did not answer in time. The client sends
 * the same request again later; nothing was done, or what was done is idempotent.
 */
export const unavailable = (message = 'temporarily unavailable; try again later', retryAfterSeconds = 5) =>
  new ApiError(503, 'unavailable', message, undefined, undefined, { 'Retry-After': String(Math.ceil(retryAfterSeconds)) });

/** 429 with the seconds until the budget refills, so clients (and the player) know when to come back. */
export const rateLimited = (message: string, retryAfterSeconds?: number) =>
  new ApiError(
    429,
    'rate_limited',
    message,
    undefined,
    undefined,
    retryAfterSeconds && retryAfterSeconds > 0 ? { 'Retry-After': String(Math.ceil(retryAfterSeconds)) } : undefined,
  );
