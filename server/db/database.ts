import fs from 'node:fs';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import pg from 'pg';
import { DATABASE_TIMEOUT_DEFAULTS } from '../config/database';
import { isDatabaseUnavailable, isQueryTimeout } from './sql-errors';

/** What both backends offer; SQL is written once, for PostgreSQL 15. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface TransactionOptions {
  /**
   * The bound of each statement of this transaction instead of the pool's (PostgreSQL only): the
   * migrations, whose index builds and advisory-lock wait may take minutes (migrate.ts).
   */
  timeoutMs?: number;
}

export interface Database extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  readonly schema: string;
  /** The bounds a statement runs under on PostgreSQL (DATABASE_*_TIMEOUT_MS); PGlite has none. */
  readonly bounds: { queryMs: number; migrationMs: number };
  transaction<T>(fn: (tx: Queryable) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /**
   * A connection of one's own until `release()`. On PostgreSQL a query on an idle reserved
   * connection is written to the server within the call (no pool hand-over in between), which the
   * notifier's commit before SMTP's final "." relies on (server/notify/send-attempt.ts). PGlite has
   * one in-process connection: the database itself.
   */
  reserve(): Promise<Queryable & { release(): void }>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres:// URL; when absent, embedded PGlite is used. */
  url?: string;
  /** PGlite data directory, or "memory://" for a throwaway database. */
  dataDir?: string;
  /** Work inside this schema (created if needed). Tests use one per file. */
  schema?: string;
  /** Pool size for PostgreSQL. */
  max?: number;
  /** PostgreSQL connections opened at start and never closed for idleness (default 0). */
  poolMin?: number;
  /**
   * PGlite on a data directory syncs every commit to disk (default). false: PGlite's own defaults,
   * fsync off — only for the benchmark that measures what durability costs (docs/operations.md).
   */
  pgliteSync?: boolean;
  /**
   * PostgreSQL: the longest one statement may take. The server cancels it (statement_timeout) and
   * the client stops waiting (query_timeout: fires even when the server is frozen or unreachable);
   * either error is "database unavailable" (sql-errors.ts), a 503 for the API. Default 30 s.
   */
  queryTimeoutMs?: number;
  /** PostgreSQL: the bound of each migration statement (migrate.ts). Default 1 h. */
  migrationTimeoutMs?: number;
  /** PostgreSQL: opening a connection, or waiting for a free one in the pool. Default 5 s. */
  connectTimeoutMs?: number;
}

// One place that decides how database values look in JavaScript, for both backends:
// int8 and numeric as numbers (counts and sums stay far below 2^53), dates as 'YYYY-MM-DD'
// strings (a calendar date has no time zone), timestamps as Date.
const OID = { INT8: 20, NUMERIC: 1700, DATE: 1082 } as const;
const toNumber = (v: string): number => Number(v);
const asIs = (v: string): string => v;

const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === OID.INT8 || oid === OID.NUMERIC) return toNumber;
    if (oid === OID.DATE) return asIs;
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as pg.CustomTypesConfig;

const pgliteParsers = {
  [pgliteTypes.INT8]: toNumber,
  [pgliteTypes.NUMERIC]: toNumber,
  [pgliteTypes.DATE]: asIs,
};

const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const schema = options.schema ?? 'public';
  if (!IDENT.test(schema)) throw new Error(`invalid schema name ${JSON.stringify(schema)}`);
  const bounds = {
    queryMs: options.queryTimeoutMs ?? DATABASE_TIMEOUT_DEFAULTS.queryTimeoutMs,
    migrationMs: options.migrationTimeoutMs ?? DATABASE_TIMEOUT_DEFAULTS.migrationTimeoutMs,
  };
  return options.url
    ? openPostgres(
        options.url,
        schema,
        { max: options.max ?? 10, min: Math.min(options.poolMin ?? 0, options.max ?? 10) },
        bounds,
        options.connectTimeoutMs ?? DATABASE_TIMEOUT_DEFAULTS.connectTimeoutMs,
      )
    : openPglite(options.dataDir ?? 'memory://', schema, options.pgliteSync ?? true, bounds);
}

async function openPostgres(
  url: string,
  schema: string,
  size: { max: number; min: number },
  bounds: Database['bounds'],
  connectTimeoutMs: number,
): Promise<Database> {
  if (schema !== 'public') {
    const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: connectTimeoutMs, query_timeout: bounds.queryMs });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: size.max,
    // Kept open while idle: pg-pool closes only the connections above `min` after idleTimeoutMillis.
    min: size.min,
    // What pg_stat_activity shows for these connections: an operator sees whose they are.
    application_name: `videoguida:${schema}`.slice(0, 63),
    types: pgTypes,
    options: `-c search_path=${schema}`,
    // A server that does not answer (restarting, a network cut) fails the request (503) instead of
    // holding it; the pool connects again by itself once the server is back. The same bound covers
    // the wait for a free connection when every one is busy.
    connectionTimeoutMillis: connectTimeoutMs,
    // A statement is bounded twice: the server cancels it past statement_timeout (57014), so an
    // abandoned query stops holding locks; the client stops waiting past query_timeout, which is
    // what answers when the server itself is frozen (SIGSTOP, a network blackhole) and cancels
    // nothing. A connection whose statement timed out on the client side is dropped, never reused
    // (its late answer would be read as the next query's).
    statement_timeout: bounds.queryMs,
    query_timeout: bounds.queryMs,
  });
  // An idle client that loses its server must not crash the process.
  pool.on('error', () => undefined);
  // The kept connections are opened now, in the background: a database still starting costs the
  // first requests their own connection, as without it, and never delays or fails the start.
  void Promise.allSettled(Array.from({ length: size.min }, () => pool.connect())).then((opened) => {
    for (const o of opened) if (o.status === 'fulfilled') o.value.release();
  });
  // Nor one checked out (a transaction between two statements, a reserved connection): pg-pool
  // listens to its clients' errors only while they are idle, and an 'error' event nobody listens to
  // ends the process (the API died when PostgreSQL restarted: test/fault-postgres-restart.test.ts).
  // The statement in progress, if any, fails with the error as usual; the client is dropped on release.
  const checkOut = async (): Promise<pg.PoolClient & { lost?: Error }> => {
    const client: pg.PoolClient & { lost?: Error } = await pool.connect();
    if (!(client as { videoguidaListens?: boolean }).videoguidaListens) {
      (client as { videoguidaListens?: boolean }).videoguidaListens = true;
      client.on('error', (err: Error) => {
        client.lost = err;
      });
    }
    client.lost = undefined;
    return client;
  };
  // pool.query drops a client whose statement failed by itself (pg-pool releases it with the error);
  // a checked-out client is marked lost, so its release drops it.
  const wrap = (c: pg.Pool | (pg.PoolClient & { lost?: Error }), timeoutMs?: number): Queryable => {
    const run = async (config: pg.QueryConfig) => {
      try {
        return await c.query(timeoutMs === undefined ? config : ({ ...config, query_timeout: timeoutMs } as pg.QueryConfig));
      } catch (err) {
        if (isQueryTimeout(err) && 'release' in c) c.lost ??= err as Error;
        throw err;
      }
    };
    return {
      async query<T>(sql: string, params?: unknown[]) {
        return (await run({ text: sql, values: params })).rows as T[];
      },
      async exec(sql: string) {
        await run({ text: sql });
      },
    };
  };
  const base = wrap(pool);
  return {
    kind: 'postgres',
    schema,
    bounds,
    ...base,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
      const client = await checkOut();
      const tx = wrap(client, options.timeoutMs);
      let failed: Error | undefined;
      try {
        await tx.exec('BEGIN');
        if (options.timeoutMs !== undefined) await tx.exec(`SET LOCAL statement_timeout = ${Math.trunc(options.timeoutMs)}`);
        const result = await fn(tx);
        await tx.exec('COMMIT');
        return result;
      } catch (err) {
        // A statement still running on a frozen server blocks the connection: a ROLLBACK would only
        // wait behind it for another bound. The connection is dropped; the server rolls back.
        if (!client.lost) await client.query('ROLLBACK').catch(() => undefined);
        failed = isDatabaseUnavailable(err) ? (err as Error) : undefined;
        throw err;
      } finally {
        // A connection that died with its server is dropped, not handed to the next request.
        client.release(failed ?? client.lost);
      }
    },
    async reserve() {
      const client = await checkOut();
      return { ...wrap(client), release: () => client.release(client.lost) };
    },
    close: () => pool.end(),
  };
}

/**
 * PGlite as shipped is not crash-safe against a power cut: its start parameters turn PostgreSQL's
 * fsync off (`-F`), and its Emscripten file system (NODEFS) never passes an fsync on to the OS
 * (`fdatasync` is a no-op stub, `fsync` finds no handler), so even `fsync=on` syncs nothing.
 * A committed row is then in the OS page cache only: safe if the process is killed, lost if the
 * machine loses power or the kernel crashes before writeback (up to ~30 s of commits).
 *
 * So a data directory is opened with fsync on, `wal_sync_method=fsync` (the one method whose
 * system call reaches the file system), and NODEFS's missing fsync handler supplied: it calls
 * fsync(2) on the real file. A commit returns once its WAL is on disk, as on PostgreSQL.
 * `strace -f -e trace=fsync` shows one fsync per commit. Measured cost: docs/operations.md.
 */
export const PGLITE_DURABLE_START_PARAMS: readonly string[] = [
  ...PGlite.defaultStartParams.filter((p) => p !== '-F'),
  '-c',
  'fsync=on',
  '-c',
  'wal_sync_method=fsync',
];

interface NodeFsModule {
  NODEFS: {
    stream_ops: { fsync?: (stream: { nfd?: number }) => number };
    tryFSOperation<T>(f: () => T): T;
  };
}

/** PGlite's NodeFS with an fsync that reaches the disk (see PGLITE_DURABLE_START_PARAMS). */
export class DurableNodeFS extends NodeFS {
  /** fsync(2) calls made through this file system (tests check that commits reach the disk). */
  fsyncs = 0;

  override async init(pg: PGlite, opts: Parameters<NodeFS['init']>[1]) {
    const r = await super.init(pg, opts);
    const preRun = [
      ...(r.emscriptenOpts.preRun ?? []),
      (mod: unknown) => {
        const nodefs = (mod as NodeFsModule).NODEFS;
        // One shared object for every node of the mount: patching it covers files opened before too.
        nodefs.stream_ops.fsync = (stream) => {
          // A failed fsync becomes the errno PostgreSQL sees (it then stops rather than lose data).
          if (stream.nfd !== undefined) nodefs.tryFSOperation(() => fs.fsyncSync(stream.nfd!));
          this.fsyncs += 1;
          return 0;
        };
      },
    ];
    return { emscriptenOpts: { ...r.emscriptenOpts, preRun } };
  }
}

/** The file system of each PGlite database opened on a data directory with sync on. */
const durableFsOf = new WeakMap<Database, DurableNodeFS>();

/**
 * fsync(2) calls the database's commits and checkpoints have made so far (DurableNodeFS.fsyncs);
 * undefined when nothing is synced through it: PostgreSQL (its own fsync), `memory://`, or
 * `pgliteSync: false`. For the test that checks a commit reaches the disk.
 */
export function pgliteFsyncCount(db: Database): number | undefined {
  return durableFsOf.get(db)?.fsyncs;
}

async function openPglite(dataDir: string, schema: string, sync: boolean, bounds: Database['bounds']): Promise<Database> {
  const memory = dataDir.startsWith('memory://');
  if (!memory) fs.mkdirSync(dataDir, { recursive: true });
  // In memory there is nothing to sync: PGlite's defaults.
  const durableFs = memory || !sync ? undefined : new DurableNodeFS(dataDir);
  const db = durableFs
    ? await PGlite.create({ dataDir, fs: durableFs, startParams: [...PGLITE_DURABLE_START_PARAMS], parsers: pgliteParsers })
    : await PGlite.create(dataDir, { parsers: pgliteParsers });
  if (schema !== 'public') {
    await db.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}; SET search_path TO ${schema}`);
  }
  const wrap = (c: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(sql: string, params?: unknown[]) {
      return (await c.query<T>(sql, params)).rows;
    },
    async exec(sql: string) {
      await c.exec(sql);
    },
  });
  const database: Database = {
    kind: 'pglite',
    schema,
    bounds,
    ...wrap(db),
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) => db.transaction((tx) => fn(wrap(tx))),
    reserve: async () => ({ ...wrap(db), release: () => undefined }),
    close: () => db.close(),
  };
  if (durableFs) durableFsOf.set(database, durableFs);
  return database;
}
