import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../server/config';
import { openDatabase, type Database } from '../../server/db/database';
import { API_SECRETS, killApis, spawnApi, type ApiProcess } from './fault-api';
import { startPostgres, startRedis, stopAll, type PostgresProcess, type RedisProcess } from './services';

/** One fault test's own services: Redis, PostgreSQL, a DATA_DIR and an API process on them. */
export interface FaultStack {
  redis: RedisProcess;
  pg: PostgresProcess;
  api: ApiProcess;
  /** As the API got them. */
  env: { DATABASE_URL: string; REDIS_URL: string; QUEUE_PREFIX: string; DATA_DIR: string };
  dataDir: string;
  /** The configuration of an in-process worker or notifier beside the API (the API's secrets, `extra` on top). */
  config(extra?: Record<string, string>): Config;
  /** A pool on the private PostgreSQL, closed by FaultStacks.close(). */
  openDb(max: number): Promise<Database>;
}

/**
 * The stacks a fault-injection test file starts (each on private processes it may kill: see
 * services.ts) and whatever it hangs on them. close(), in afterAll, undoes all of it even after a
 * failure: the deferred closers (last first: workers and notifiers before the services under them),
 * the API processes, the pools, the services, the directories.
 */
export class FaultStacks {
  private readonly closers: (() => Promise<void>)[] = [];
  private readonly dbs: Database[] = [];
  private readonly dirs: string[] = [];

  defer(closer: () => Promise<void> | void): void {
    this.closers.push(async () => closer());
  }

  /** A temporary directory, removed at close(). */
  tempDir(prefix: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    this.dirs.push(dir);
    return dir;
  }

  /** Private Redis and PostgreSQL, and an API process on them with QUEUE_PREFIX fault-<label> and `apiEnv` on top. */
  async start(label: string, apiEnv: Record<string, string> = {}): Promise<FaultStack> {
    const [redis, pg] = await Promise.all([startRedis(), startPostgres()]);
    const dataDir = this.tempDir(`vg-fault-${label}-`);
    const env = { DATABASE_URL: pg.url, REDIS_URL: redis.url, QUEUE_PREFIX: `fault-${label}`, DATA_DIR: dataDir };
    const api = await spawnApi({ ...env, ...apiEnv });
    return {
      redis,
      pg,
      api,
      env,
      dataDir,
      config: (extra = {}) => loadConfig({ ...env, ...API_SECRETS, NODE_ENV: 'test', PUBLIC_BASE_URL: api.url, ...extra }),
      openDb: async (max) => {
        const db = await openDatabase({ url: pg.url, max });
        this.dbs.push(db);
        return db;
      },
    };
  }

  async close(): Promise<void> {
    for (const c of this.closers.splice(0).reverse()) await c().catch(() => undefined);
    killApis();
    for (const db of this.dbs.splice(0)) await db.close().catch(() => undefined);
    await stopAll();
    for (const dir of this.dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  }
}
