/**
 * npx tsx bench/pglite-commits.ts [-- --commits 200]
 * Single-row commits on a PGlite data directory, fsync off (PGlite's defaults, as before) and on (as
 * server/db/database.ts opens it now). Prints `pglite_commit_ms_nosync` and `pglite_commit_ms_sync`
 * (mean per commit). Run under `strace -f -c -e trace=fsync,fdatasync` to count the sync calls.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../server/db/database';

const { values } = parseArgs({ options: { commits: { type: 'string', default: '200' } } });
const commits = Number(values.commits);
for (const sync of [false, true]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vg-pglite-commits-'));
  const db = await openDatabase({ dataDir: dir, pgliteSync: sync });
  await db.exec('CREATE TABLE t (id integer)');
  const started = performance.now();
  for (let i = 0; i < commits; i++) await db.query('INSERT INTO t VALUES ($1)', [i]);
  const ms = (performance.now() - started) / commits;
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  process.stdout.write(`pglite_commit_ms_${sync ? 'sync' : 'nosync'}: ${ms.toFixed(2)} ms\n`);
}
