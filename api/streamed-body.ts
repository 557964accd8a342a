import type { Request } from 'express';
import { ApiError } from './errors';

/** The media types an NDJSON upload may be sent with. */
export const NDJSON_TYPES = ['application/x-ndjson', 'application/ndjson', 'application/jsonl'];

/**
 * A bulk upload read line by line as it streams: 415 unless its type is one of `types` (what the
 * sender should use: `expected`) and it comes without Content-Encoding, which the line reader does
 * not undo. `what` names the upload in the message.
 */
export function requireStreamedBody(req: Request, types: string[], expected: string, what: string): void {
  if (!req.is(types)) throw new ApiError(415, 'unsupported_media_type', `expected Content-Type: ${expected}`, '(body)');
  if (req.get('content-encoding') && req.get('content-encoding') !== 'identity') {
    throw new ApiError(415, 'unsupported_encoding', `send the ${what} without Content-Encoding`, '(body)');
  }
}
