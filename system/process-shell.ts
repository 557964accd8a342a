import path from 'node:path';
import { loadConfig, type Config } from '../server/config';
import { openDatabase, type Database } from '../server/db/database';
import { migrate } from '../server/db/migrate';
import { createLogger, type Logger } from '../server/logger';
import { refuseUnfitProduction, type ProductionProcess } from '../server/production-check';

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

/** What a service process hands its service to start it. */
export interface ServiceDeps {
  config: Config;
  db: Database;
  logger: Logger;
  redisUrl: Config['redisUrl'];
}

/**
 * A process root that runs one service (the render worker, the notifier, the narrator): in production
 * it refuses (exit 1, naming each variable or Redis setting) before opening anything; then it opens
 * the database, starts the service and, on SIGTERM/SIGINT, closes the service and then the database,
 * bounded by the service's own shutdown time plus 10 s whatever happens inside.
 */
export async function runServiceProcess<S extends { close(): Promise<void> }>(o: {
  process: ProductionProcess;
  loggerName: string;
  /** The name the stop messages give; the logger's name when absent. */
  name?: string;
  start: (deps: ServiceDeps) => Promise<S>;
  shutdownMs: (service: S, config: Config) => number;
}): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger({ level: config.logLevel, name: o.loggerName });
  await refuseUnfitProduction(config, o.process);
  const db = await openProcessDatabase(config);
  const service = await o.start({ config, db, logger, redisUrl: config.redisUrl });
  stopOnSignals({
    logger,
    name: o.name ?? o.loggerName,
    boundMs: o.shutdownMs(service, config) + 10_000,
    close: async () => {
      await service.close();
      await db.close();
    },
  });
}
