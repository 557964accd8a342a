import path from 'node:path';
import type { Config } from '../server/config';
import { openDatabase, type Database } from '../server/db/database';
import { migrate } from '../server/db/migrate';
import type { Logger } from '../server/logger';

/** What every process root opens first: the configured database, migrated (once, under a lock). */
export async function openProcessDatabase(config: Config): Promise<Database> {
  const db = await openDatabase({ url: config.databaseUrl, dataDir: path.join(config.dataDir, 'db'), schema: config.databaseSchema, ...config.database });
  await migrate(db);
  return db;
}

/**
 * SIGTERM and SIGINT stop the process once: `close` runs (what the process started, then its
 * database), bounded by `boundMs` whatever happens inside, then exit 0; past the bound, exit 1.
 */
export function stopOnSignals(o: { logger: Logger; name: string; boundMs: number; close: () => Promise<void> }): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    o.logger.info({ signal }, `${o.name} stopping`);
    const force = setTimeout(() => process.exit(1), o.boundMs);
    force.unref();
    await o.close();
    o.logger.info(`${o.name} stopped`);
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}
