import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type pino from 'pino';
import { startIntake, type RunningIntake } from '../../intake/start';
import { loadConfig, type Config } from '../../server/config';
import type { Database } from '../../server/db/database';
import { migrate } from '../../server/db/migrate';
import { createLogger } from '../../server/logger';
import { createRenderQueue } from '../../server/queues';
import { createRedis } from '../../server/redis';
import { resolveSecrets, type Secrets } from '../../server/secrets';
import { closeTestDatabase, openTestDatabase, type Backend } from './databases';
import { REDIS_URL } from './api';
import { uniqueName } from './rabbitmq';

export interface TestIntake {
  config: Config;
  db: Database;
  secrets: Secrets;
  renderQueue: ReturnType<typeof createRenderQueue>;
  /** Every log line (pino JSON), for the no-personal-data assertions. */
  logs: string[];
  /** The running consumer; restart() replaces it. */
  intake: RunningIntake;
  /** Stops the consumer and starts a new one on the same queue and database. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/**
 * An intake consumer as `npm run intake` builds it, on the given broker (a test's vhost or private
 * node), with unique queue and exchange names, its own database schema (or in-memory PGlite), its
 * own render-queue prefix in the shared Redis and a temporary DATA_DIR.
 */
export async function startTestIntake(o: {
  label: string;
  amqpUrl: string;
  backend?: Backend;
  env?: Record<string, string>;
  db?: Database;
  logDestination?: pino.DestinationStream;
}): Promise<TestIntake> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `vg-${o.label}-`));
  const base = uniqueName(o.label);
  const config = loadConfig({
    NODE_ENV: 'test',
    PUBLIC_BASE_URL: 'https://guide.example.org',
    DATA_DIR: dataDir,
    REDIS_URL,
    QUEUE_PREFIX: base,
    TOKEN_SECRET: 's'.repeat(40),
    FISCAL_CODE_HMAC_KEY: 'h'.repeat(40),
    AMQP_URL: o.amqpUrl,
    INTAKE_QUEUE: `${base}.guides`,
    INTAKE_DEAD_LETTER_EXCHANGE: `${base}.dead-letter`,
    INTAKE_DEAD_LETTER_QUEUE: `${base}.dead`,
    INTAKE_REPLY_EXCHANGE: `${base}.results`,
    INTAKE_OUTCOMES_QUEUE: `${base}.outcomes`,
    INTAKE_OUTCOMES_DEAD_LETTER_EXCHANGE: `${base}.outcomes.dead-letter`,
    INTAKE_OUTCOMES_DEAD_LETTER_QUEUE: `${base}.outcomes.dead`,
    INTAKE_RECONNECT_MAX_MS: '1000',
    ...o.env,
  });
  const db = o.db ?? (await openTestDatabase(o.backend ?? 'postgres', o.label));
  await migrate(db);
  const logs: string[] = [];
  const logger = createLogger({ level: config.logLevel, destination: o.logDestination ?? { write: (line: string) => void logs.push(line) } });
  const secrets = resolveSecrets(config);
  const queueRedis = createRedis(config.redis, 'queue', 'test-intake-render-queue', logger);
  const renderQueue = createRenderQueue(queueRedis, config.queuePrefix);
  const start = () => startIntake({ settings: config.intake, creation: { config, db, secrets, renderQueue, logger }, logger });
  const t: TestIntake = {
    config,
    db,
    secrets,
    renderQueue,
    logs,
    intake: start(),
    async restart() {
      await t.intake.close();
      t.intake = start();
      await t.intake.ready;
    },
    async close() {
      await t.intake.close();
      await renderQueue.obliterate({ force: true }).catch(() => undefined);
      await renderQueue.close();
      queueRedis.disconnect();
      if (!o.db) await closeTestDatabase(db);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  await t.intake.ready;
  return t;
}
