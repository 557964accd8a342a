import { openDatabase, type Database } from '../../server/db/database';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A schema name unique to this test file and process, so files never see each other's rows. */
export function uniqueSchema(label: string): string {
  return `t_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${process.pid}_${Date.now().toString(36)}`.slice(0, 60);
}

export const BACKENDS = ['pglite', 'postgres'] as const;
export type Backend = (typeof BACKENDS)[number];

/** `pool`: a process's own pool (config.database) where a test measures it; else 4 connections, none kept. */
export async function openTestDatabase(backend: Backend, label: string, pool?: { max: number; poolMin: number }): Promise<Database> {
  if (backend === 'pglite') return openDatabase({ dataDir: 'memory://' });
  return openDatabase({ url: TEST_DATABASE_URL, schema: uniqueSchema(label), max: pool?.max ?? 4, poolMin: pool?.poolMin ?? 0 });
}

/** Closes the database, dropping its private schema on PostgreSQL. */
export async function closeTestDatabase(db: Database): Promise<void> {
  if (db.kind === 'postgres' && db.schema.startsWith('t_')) {
    await db.exec(`DROP SCHEMA IF EXISTS ${db.schema} CASCADE`).catch(() => undefined);
  }
  await db.close();
}
