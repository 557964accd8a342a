/**
 * What a database error says about its cause, from its SQLSTATE (pg and PGlite both set `code`).
 * Class 22 (data exception: a date out of range, text with NUL, a number too large, invalid JSON) and
 * class 23 (a constraint refused the row) come from the values of the statement: sending the same
 * values again fails again. Everything else (a lost connection, a shutdown, a deadlock, a full disk)
 * says nothing about the values and may pass on a retry.
 */
export function sqlStateOf(err: unknown): string | undefined {
  const code = err && typeof err === 'object' ? (err as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

export function isDataError(err: unknown): boolean {
  const code = sqlStateOf(err);
  return code !== undefined && (code.startsWith('22') || code.startsWith('23'));
}

/**
 * A client-safe reason for a data error, to follow "the database refused": what kind of value it was,
 * never the value or the SQL.
 */
export function dataErrorReason(err: unknown): string {
  const code = sqlStateOf(err) ?? '';
  if (code === '22007' || code === '22008' || code === '22009') return 'a date-time outside the range it stores';
  if (code === '22003') return 'a number outside the range it stores';
  if (code === '22021' || code === '22P05' || code === '22025') return 'text it cannot store (a NUL character or invalid Unicode)';
  if (code === '22001') return 'a text longer than it stores';
  if (code.startsWith('23')) return 'a value that breaks one of its constraints';
  return 'a value it cannot store';
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const CONNECTION_MESSAGES =
  /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Client was closed and is not queryable|Cannot use a pool after calling end/i;

/**
 * pg's client-side bound (query_timeout, database.ts) ran out: the server did not answer the
 * statement in time, frozen, unreachable or overloaded. The statement may still be running there, so
 * the connection cannot carry another one and is dropped.
 */
export function isQueryTimeout(err: unknown): boolean {
  return err instanceof Error && err.message === 'Query read timeout';
}

/**
 * The database could not be reached or is not taking work right now (its process restarting, a
 * network cut, the server starting up or shutting down, out of connections, a statement past its
 * bound): a retry later can pass, so the API answers 503 with Retry-After (error-handler.ts), never
 * 500. SQLSTATE class 08 (connection exception), 57P01–57P03 (shutting down, crashed, starting up),
 * 57014 (cancelled: statement_timeout), 53300 (too many connections), pg's query_timeout, and the
 * socket errors of node and pg.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const code = sqlStateOf(err);
  if (code) return code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03' || code === '57014' || code === '53300';
  if (isQueryTimeout(err)) return true;
  const e = err as { code?: unknown; message?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && CONNECTION_CODES.has(e.code)) return true;
  // AggregateError of a dual-stack connect: every attempt was refused.
  if (Array.isArray(e.errors) && e.errors.length > 0 && e.errors.every((x) => isDatabaseUnavailable(x))) return true;
  return typeof e.message === 'string' && CONNECTION_MESSAGES.test(e.message);
}
