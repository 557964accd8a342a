/**
 * The API as its own process, for the fault-injection tests that SIGKILL it: what system/start.ts
 * wires for the API (configuration from the environment, the database in DATA_DIR/db or
 * DATABASE_URL, migrations, Redis, createApp, listen; SIGTERM writes every accepted event batch
 * before exiting), without the render worker, the notifier and the demo guides, which would only
 * add CPU load. OPERATOR_KEY and ANALYST_KEY are stored as keys. Prints `listening <url>` when ready.
 */
import path from 'node:path';
import { createApp, contextOf, tuneServer } from '../../api/app';
import { closeEventIngestion } from '../../api/analytics/registry';
import { loadConfig } from '../../server/config';
import { storeApiKey } from '../../server/db/api-keys';
import { openDatabase } from '../../server/db/database';
import { migrate } from '../../server/db/migrate';
import { createLogger } from '../../server/logger';
import { createRenderQueue } from '../../server/queues';
import { createRedis } from '../../server/redis';

const config = loadConfig(process.env);
const logger = createLogger({ level: config.logLevel, name: 'api' });
const db = await openDatabase({ url: config.databaseUrl, dataDir: path.join(config.dataDir, 'db'), schema: config.databaseSchema, ...config.database });
await migrate(db);
if (config.operatorKey) await storeApiKey(db, config.operatorKey, 'operator', 'fault-test');
if (config.analystKey) await storeApiKey(db, config.analystKey, 'analyst', 'fault-test');
// The clients system/start.ts makes, with their command timeouts (server/redis.ts).
const redis = createRedis(config.redis, 'commands', 'api', logger);
const queueConnection = createRedis(config.redis, 'queue', 'render-queue', logger);
const renderQueue = createRenderQueue(queueConnection, config.queuePrefix);
const app = createApp({ config, db, redis, renderQueue, logger });
const server = app.listen(config.port, config.host, () => process.stdout.write(`listening http://${config.host}:${config.port}\n`));
tuneServer(server);

process.once('SIGTERM', () => {
  server.close(async () => {
    await closeEventIngestion(contextOf(app));
    await renderQueue.close();
    redis.disconnect();
    queueConnection.disconnect();
    await db.close();
    process.exit(0);
  });
  server.closeIdleConnections();
});
