import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { z } from 'zod';
import type { errorBody } from '../../contract/errors';
import type { Logger } from '../../server/logger';
import { REDIS_RETRY_AFTER_SECONDS, RedisUnavailableError } from '../../server/redis';
import { isDatabaseUnavailable } from '../../server/db/sql-errors';
import { ApiError, unavailable } from '../errors';

interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
}

/** body-parser (express.json) reports with `type`; map the ones a client can cause. */
function fromBodyParser(err: BodyParserError): ApiError | undefined {
  switch (err.type) {
    case 'entity.too.large':
      return new ApiError(413, 'payload_too_large', `the body exceeds the ${err.limit ?? ''} byte limit of this endpoint`.replace('  ', ' '), '(body)');
    case 'entity.parse.failed':
      return new ApiError(400, 'malformed_json', 'the body is not valid JSON', '(body)');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new ApiError(415, 'unsupported_encoding', 'expected a UTF-8 body without content encoding', '(body)');
    case 'request.aborted':
      return new ApiError(400, 'request_aborted', 'the request body was not received completely');
    default:
      return undefined;
  }
}

const CLIENT_ERRORS: Record<number, [code: string, message: string]> = {
  400: ['bad_request', 'the request could not be read (malformed URL or header)'],
  403: ['forbidden', 'forbidden'],
  404: ['not_found', 'not found'],
  405: ['method_not_allowed', 'method not allowed'],
  412: ['precondition_failed', 'a precondition of the request (If-Match, If-Unmodified-Since) does not hold'],
  416: ['range_not_satisfiable', 'the Range cannot be satisfied'],
};

/**
 * Errors a client caused inside Express, its router or `send` (a path parameter that is not valid
 * percent-encoding, a Range or precondition the file cannot meet): http-errors objects with a 4xx
 * `status`. They are the client's problem, not ours: the answer says which kind, never the library's
 * message (it may quote the input), and nothing is logged beyond the request line.
 */
function fromHttpError(err: unknown): ApiError | undefined {
  const e = err as { status?: unknown; statusCode?: unknown; headers?: unknown } | null;
  const status = typeof e?.status === 'number' ? e.status : typeof e?.statusCode === 'number' ? e.statusCode : undefined;
  if (status === undefined || status < 400 || status > 499) return undefined;
  const [code, message] = CLIENT_ERRORS[status] ?? ['client_error', 'the request cannot be served'];
  const headers =
    e?.headers && typeof e.headers === 'object'
      ? Object.fromEntries(Object.entries(e.headers).filter(([k, v]) => /^(content-range|retry-after|allow)$/i.test(k) && typeof v === 'string'))
      : undefined;
  return new ApiError(status, code, message, undefined, undefined, headers);
}

const REDIS_LOG_INTERVAL_MS = 10_000;

/**
 * Redis did not answer a call the request needed (a budget, a rate limit, a replay slot): 503 with
 * Retry-After, never a hang or a 500. One log line every 10 s says which operation and why (the
 * request log has every 503).
 */
function redisMapper(logger: Logger): (err: RedisUnavailableError) => ApiError {
  let last = 0;
  return (err) => {
    if (Date.now() - last >= REDIS_LOG_INTERVAL_MS) {
      last = Date.now();
      logger.warn({ operation: err.operation, err: { type: err.name, message: err.message } }, 'Redis unavailable: answering 503');
    }
    return unavailable('temporarily unavailable; try again later', REDIS_RETRY_AFTER_SECONDS);
  };
}

/**
 * The database could not be reached (restarting, a network cut, out of connections: sql-errors.ts):
 * 503 with Retry-After, and the next request tries again (the pool reconnects by itself). One log
 * line every 10 s.
 */
function databaseMapper(logger: Logger): (err: unknown) => ApiError {
  let last = 0;
  return (err) => {
    if (Date.now() - last >= REDIS_LOG_INTERVAL_MS) {
      last = Date.now();
      const e = err as { name?: string; code?: string; message?: string };
      logger.warn({ err: { type: e.name, code: e.code, message: e.message } }, 'database unavailable: answering 503');
    }
    return unavailable('temporarily unavailable; try again later', DATABASE_RETRY_AFTER_SECONDS);
  };
}

const DATABASE_RETRY_AFTER_SECONDS = 5;

export function errorHandler(logger: Logger): ErrorRequestHandler {
  const fromRedis = redisMapper(logger);
  const fromDatabase = databaseMapper(logger);
  return (err: unknown, _req, res, next) => {
    if (res.headersSent) {
      // A streaming answer failed half-way: the only honest signal left is cutting the connection.
      res.destroy();
      return;
    }
    const known =
      err instanceof ApiError
        ? err
        : err instanceof RedisUnavailableError
          ? fromRedis(err)
          : isDatabaseUnavailable(err)
            ? fromDatabase(err)
            : (fromBodyParser(err as BodyParserError) ?? fromHttpError(err));
    if (known) {
      for (const [name, value] of Object.entries(known.headers ?? {})) res.setHeader(name, value);
      res.status(known.status).json({
        error: { code: known.code, message: known.message, field: known.field ?? null, ...(known.details ? { details: known.details } : {}) },
      } satisfies z.infer<typeof errorBody>);
      return;
    }
    // Unexpected: log the kind and where, never the input; answer without internals.
    const e = err as Error;
    logger.error({ err: { type: e?.name, message: e?.message, stack: e?.stack } }, 'unhandled error');
    res.status(500).json({ error: { code: 'internal', message: 'internal error', field: null } } satisfies z.infer<typeof errorBody>);
    void next;
  };
}

export const notFoundRoute: RequestHandler = (_req, _res, next) => {
  next(new ApiError(404, 'not_found', 'not found'));
};
