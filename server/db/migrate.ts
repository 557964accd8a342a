import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Migrations are files NNN_name.sql, applied in order, each exactly once. */
export function loadMigrations(dir = DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f.slice(4, -4), sql: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

/**
 * Applies what is missing, in one transaction, under an advisory lock: two processes starting
 * together on the same PostgreSQL wait for each other instead of racing, and the second finds
 * nothing left to do. Each statement, and the wait for the lock, runs under DATABASE_MIGRATION_TIMEOUT_MS
 * rather than a request's bound. Returns the versions it applied.
 */
export async function migrate(db: Database, migrations: Migration[] = loadMigrations()): Promise<number[]> {
  return db.transaction(
    async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`videoguida:migrations:${db.schema}`]);
      await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
      const done = new Set((await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version));
      const applied: number[] = [];
      for (const m of migrations) {
        if (done.has(m.version)) continue;
        await tx.exec(m.sql);
        await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
        applied.push(m.version);
      }
      return applied;
    },
    { timeoutMs: db.bounds.migrationMs },
  );
}
