import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '../server/db/database';
import { migrate } from '../server/db/migrate';
import type { Backend } from '../test/helpers/databases';

/**
 * PGlite on a data directory, as `npm start` runs it, every commit synced to disk (`--pglite disk`,
 * the default); `--pglite nosync`: the same without fsync (PGlite's own defaults, what ran before
 * durability was turned on); `--pglite memory`: the in-memory database the tests use. Undefined for
 * PostgreSQL and memory: the test API opens its own database then.
 */
export async function openBenchDatabase(backend: Backend, storage: string | undefined): Promise<{ db: Database; close(): Promise<void> } | undefined> {
  if (backend !== 'pglite' || storage === 'memory') return undefined;
  if (storage !== 'disk' && storage !== 'nosync') throw new Error(`--pglite expects disk, nosync or memory, got ${storage}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vg-bench-pglite-'));
  const db = await openDatabase({ dataDir: dir, pgliteSync: storage === 'disk' });
  await migrate(db);
  process.stdout.write(`# pglite on disk (${storage === 'disk' ? 'fsync on every commit' : 'fsync off'}): ${dir}\n`);
  return {
    db,
    async close() {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
