/**
 * npm run intake: the broker consumer as its own process (docs/intake.md). Start as many as the
 * broker's queue needs against PostgreSQL: each message still creates one guide. With the embedded
 * PGlite database, `npm start` runs the intake in-process instead (when AMQP_URL is set).
 */
import { openProcessDatabase, stopOnSignals } from './process-shell';
import { ConfigError, loadConfig } from '../server/config';
import { amqpAddress } from '../server/config/intake';
import { createLogger } from '../server/logger';
import { refuseUnfitProduction } from '../server/production-check';
import { createNarrationQueue, createRenderQueue } from '../server/queues';
import { createRedis } from '../server/redis';
import { resolveSecrets } from '../server/secrets';
import { startIntake } from '../intake/start';

const config = loadConfig(process.env);
const logger = createLogger({ level: config.logLevel, name: 'intake' });
if (!config.intake.url) {
  const err = new ConfigError([
    { variable: 'AMQP_URL', message: 'required by npm run intake: the broker URL, such as amqp://user:password@broker.example.org:5672/videoguida' },
  ]);
  process.stderr.write(`npm run intake: ${err.message}\n`);
  process.exit(1);
}
// In production: refuses (exit 1, naming each variable or Redis setting) before opening anything.
await refuseUnfitProduction(config, 'intake');
const secrets = resolveSecrets(config);
const db = await openProcessDatabase(config);
// The producer side of the render queue: new guides' renders are queued here (INTAKE_RENDER_POLICY=eager).
const queueConnection = createRedis(config.redis, 'queue', 'intake-render-queue', logger);
const renderQueue = createRenderQueue(queueConnection, config.queuePrefix);
// INTAKE_RENDER_POLICY=lazy: new guides are narrated ahead instead (docs/narration.md), when NARRATE_AHEAD.
const narrationQueue = config.narrator.ahead
  ? createNarrationQueue(queueConnection, config.queuePrefix, config.narrator.queue, config.narrator.attempts)
  : undefined;
const running = startIntake({ settings: config.intake, creation: { config, db, secrets, renderQueue, narrationQueue, logger }, logger });
process.stdout.write(`intake: reading ${config.intake.queue} at ${amqpAddress(config.intake.url)} (database: ${db.kind}); Ctrl-C stops\n`);

stopOnSignals({
  logger,
  name: 'intake',
  // A hard bound on shutdown, whatever happens inside.
  boundMs: 30_000,
  close: async () => {
    await running.close();
    await renderQueue.close();
    await narrationQueue?.close();
    queueConnection.disconnect();
    await db.close();
  },
});
