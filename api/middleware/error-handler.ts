import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../../server/logger';
import { ApiError } from '../errors';

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

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, _req, res, next) => {
    if (res.headersSent) {
      // A streaming answer failed half-way: the only honest signal left is cutting the connection.
      res.destroy();
      return;
    }
    const known = err instanceof ApiError ? err : fromBodyParser(err as BodyParserError);
    if (known) {
      res.status(known.status).json({
        error: { code: known.code, message: known.message, field: known.field ?? null, ...(known.details ? { details: known.details } : {}) },
      });
      return;
    }
    // Unexpected: log the kind and where, never the input; answer without internals.
    const e = err as Error;
    logger.error({ err: { type: e?.name, message: e?.message, stack: e?.stack } }, 'unhandled error');
    res.status(500).json({ error: { code: 'internal', message: 'internal error', field: null } });
    void next;
  };
}

export const notFoundRoute: RequestHandler = (_req, _res, next) => {
  next(new ApiError(404, 'not_found', 'not found'));
};
