import { z } from 'zod';

/** Defaults of the PostgreSQL bounds, also what openDatabase uses when a caller (a test, a bench) passes none. */
export const DATABASE_TIMEOUT_DEFAULTS = { queryTimeoutMs: 30_000, migrationTimeoutMs: 3_600_000, connectTimeoutMs: 5000 } as const;

const bound = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min, `at least ${min} ms`).max(max, `at most ${max} ms`).default(fallback);

export const databaseBoundsSchema = z.object({
  /**
   * The longest one PostgreSQL statement may take: the server cancels it (statement_timeout) and the
   * client gives up waiting (pg's query_timeout, which fires even when the server is frozen or the
   * network blackholes it). The request then answers 503 with Retry-After (api/middleware/error-handler.ts).
   * Every statement of a request, a campaign upload's batch of 1,000 rows, a stats query, a purge
   * batch takes well under a second; 30 s leaves room for a loaded server. PGlite has no bound (it
   * runs in the process, there is nothing to wait for).
   */
  DATABASE_QUERY_TIMEOUT_MS: bound(100, 3_600_000, DATABASE_TIMEOUT_DEFAULTS.queryTimeoutMs),
  /**
   * The bound of each statement of the migrations at start, and of the wait for the advisory lock
   * another process holds while it migrates: an index built on a large table may take minutes.
   */
  DATABASE_MIGRATION_TIMEOUT_MS: bound(1000, 86_400_000, DATABASE_TIMEOUT_DEFAULTS.migrationTimeoutMs),
  /** Opening a connection (or waiting for a free one in the pool) past this fails the request (503). */
  DATABASE_CONNECT_TIMEOUT_MS: bound(100, 600_000, DATABASE_TIMEOUT_DEFAULTS.connectTimeoutMs),
  /** PostgreSQL connections of one process at the most. */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1, 'at least 1').max(1000, 'at most 1000').default(10),
  /**
   * Connections opened at start and kept open however long the process is idle. Opening one costs
   * 25–45 ms on a loaded host (a backend fork): a burst of citizens after a quiet hour, each request
   * opening its own, waited for them (issue #16's burst). An API host that faces bursts can keep
   * them all (DATABASE_POOL_MIN = DATABASE_POOL_MAX); the default leaves room on a shared server.
   */
  DATABASE_POOL_MIN: z.coerce.number().int().min(0, 'at least 0').max(1000, 'at most 1000').default(4),
});

export interface DatabaseSettings {
  queryTimeoutMs: number;
  migrationTimeoutMs: number;
  connectTimeoutMs: number;
  max: number;
  poolMin: number;
}

export function databaseSection(e: z.infer<typeof databaseBoundsSchema>): DatabaseSettings {
  return {
    queryTimeoutMs: e.DATABASE_QUERY_TIMEOUT_MS,
    migrationTimeoutMs: e.DATABASE_MIGRATION_TIMEOUT_MS,
    connectTimeoutMs: e.DATABASE_CONNECT_TIMEOUT_MS,
    max: e.DATABASE_POOL_MAX,
    poolMin: Math.min(e.DATABASE_POOL_MIN, e.DATABASE_POOL_MAX),
  };
}
