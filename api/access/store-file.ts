import { pipeline } from 'node:stream/promises';
import type { Request, Response } from 'express';
import type { MediaStore, OutputFile, StoredObject, ByteSpan } from '../../server/media';
import type { Logger } from '../../server/logger';
import { ApiError, notFound, unavailable } from '../errors';
import { checkRange } from './byte-range';

// A guide's file served from a store that is not this machine's disk (S3): the same answers `send`
// gives for a local file (api/access/routes.ts), so the player cannot tell the stores apart —
// 200 or 206 with Accept-Ranges, Content-Range and Content-Length, the 416 of byte-range.ts,
// ETag/Last-Modified with 304 and 412, If-Range, HEAD without a body; overlapping or adjacent
// ranges are one, disjoint ones the whole file. Or, when configured, a 302 to a presigned URL that
// lives minutes: the lasting capability stays the API token.

/** The single span the normalised header asks for; null: the whole file. */
export function spanOf(header: string | undefined, size: number): ByteSpan | null {
  const m = header === undefined ? null : /^bytes=(.*)$/i.exec(header);
  if (!m) return null;
  const spans: ByteSpan[] = [];
  for (const spec of m[1]!.split(',')) {
    const [a, b] = spec.trim().split('-') as [string, string];
    const span =
      a === '' ? { start: Math.max(0, size - Number(b)), end: size - 1 } : { start: Number(a), end: Math.min(b === '' ? size - 1 : Number(b), size - 1) };
    if (span.start <= span.end) spans.push(span);
  }
  spans.sort((x, y) => x.start - y.start);
  const merged: ByteSpan[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end + 1) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged.length === 1 ? merged[0]! : null;
}

const tagsOf = (header: string) => header.split(',').map((t) => t.trim().replace(/^W\//, ''));
const dateOf = (header: string | undefined) => (header ? Date.parse(header) : NaN);
/** HTTP dates have whole seconds: compare the object's time as the header would show it. */
const seconds = (d: Date) => Math.floor(d.getTime() / 1000) * 1000;

function preconditionFailed(req: Request, obj: StoredObject): boolean {
  const match = req.get('if-match');
  if (match) return !(match.trim() === '*' || tagsOf(match).includes(obj.etag));
  const since = dateOf(req.get('if-unmodified-since'));
  return !Number.isNaN(since) && seconds(obj.lastModified) > since;
}

function notModified(req: Request, obj: StoredObject): boolean {
  const none = req.get('if-none-match');
  if (none) return none.trim() === '*' || tagsOf(none).includes(obj.etag);
  const since = dateOf(req.get('if-modified-since'));
  return !Number.isNaN(since) && seconds(obj.lastModified) <= since;
}

/** If-Range: the range applies only while the validator still names these bytes. */
function rangeStillFresh(req: Request, obj: StoredObject): boolean {
  const v = req.get('if-range');
  if (!v) return true;
  if (v.includes('"')) return v.trim() === obj.etag;
  const date = dateOf(v);
  return !Number.isNaN(date) && seconds(obj.lastModified) <= date;
}

const STORE_RETRY_AFTER_SECONDS = 5;

/** A store that does not answer (network, throttling, 5xx) is 503 with Retry-After, as a database that does not. */
async function fromStore<T>(call: Promise<T>, logger: Logger): Promise<T> {
  try {
    return await call;
  } catch (err) {
    if (err instanceof ApiError) throw err;
    logger.warn({ err: { type: (err as Error).name, message: (err as Error).message } }, 'media store unavailable: answering 503');
    throw unavailable('temporarily unavailable; try again later', STORE_RETRY_AFTER_SECONDS);
  }
}

export async function sendStored(
  res: Response,
  store: MediaStore,
  guideId: string,
  file: OutputFile,
  contentType: string,
  redirectSeconds: number,
  logger: Logger,
): Promise<void> {
  const req = res.req;
  const obj = await fromStore(store.stat(guideId, file), logger);
  if (!obj) throw notFound();
  if (redirectSeconds > 0) {
    const url = await fromStore(store.presign(guideId, file, redirectSeconds), logger);
    if (url) {
      // The redirect itself is as private as the token that led to it (no-store from privateAnswer).
      res.redirect(302, url);
      return;
    }
  }
  if (preconditionFailed(req, obj)) throw new ApiError(412, 'precondition_failed', 'If-Match or If-Unmodified-Since does not hold for this file', 'If-Match');
  res.setHeader('Accept-Ranges', 'bytes');
  res.setHeader('ETag', obj.etag);
  res.setHeader('Last-Modified', obj.lastModified.toUTCString());
  res.type(contentType);
  if (notModified(req, obj)) {
    res.status(304).end();
    return;
  }
  const header = req.headers.range !== undefined && rangeStillFresh(req, obj) ? req.headers.range : undefined;
  // A Range the file cannot serve is the client's error: 416 with the size (byte-range.ts).
  const span = spanOf(checkRange(header, obj.size), obj.size);
  // The read before the status and length: a store that fails here leaves the error handler a
  // clean answer. If-Match: an object replaced since the HEAD fails instead of mixing two renders.
  const body = req.method === 'HEAD' || obj.size === 0 ? null : await fromStore(store.read(guideId, file, span ?? undefined, obj.etag), logger);
  if (span) {
    res.status(206);
    res.setHeader('Content-Range', `bytes ${span.start}-${span.end}/${obj.size}`);
  }
  res.setHeader('Content-Length', String(span ? span.end - span.start + 1 : obj.size));
  if (!body) {
    res.end();
    return;
  }
  try {
    await pipeline(body, res);
  } catch (err) {
    // The viewer closed the connection (a seek ends the previous request): not an error of ours.
    if (res.destroyed || (err as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE') return;
    // The store failed mid-body: the status is out, so the connection is cut (the player retries).
    if (res.headersSent) {
      res.destroy(err as Error);
      return;
    }
    throw err;
  }
}
