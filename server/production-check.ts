/**
 * What a process of its own (`npm run api`, `worker`, `notifier`, `narrator`, `intake`) needs in production,
 * with npm start's rules and messages (productionProblems, assertProductionRedis), each process held
 * to the variables it uses. Before, only `npm start` checked: a notifier without TOKEN_SECRET, or a
 * worker on a Redis that keeps no data, started as if all were well.
 */
import { pingRedis } from './doctor';
import { ConfigError, productionProblems, type Config } from './config';
import type { ConfigProblem } from './config/production';
import { PRODUCTION_REDIS_CONF, assertProductionRedis, createRedis, redisAddress } from './redis';

export type ProductionProcess = 'api' | 'worker' | 'notifier' | 'narrator' | 'intake';

/**
 * The variables of productionProblems each process uses. The worker and the narrator derive no link
 * and verify nothing: they need their database and a Redis that keeps the queues.
 */
const USES: Record<ProductionProcess, readonly string[] | 'all'> = {
  // Links, tokens, keys, consents, receipts: everything npm start checks.
  api: 'all',
  worker: [],
  narrator: [],
  // Links in messages (TOKEN_SECRET, PUBLIC_BASE_URL), consents by fiscal-code HMAC, signed webhooks.
  notifier: ['TOKEN_SECRET', 'FISCAL_CODE_HMAC_KEY', 'NOTIFY_WEBHOOK_SECRET', 'PUBLIC_BASE_URL'],
  // Creates guides: their links and the fiscal-code HMAC.
  intake: ['TOKEN_SECRET', 'FISCAL_CODE_HMAC_KEY', 'PUBLIC_BASE_URL'],
};

/** The configuration problems of one process in production (none outside production). */
export function processProductionProblems(config: Config, name: ProductionProcess): ConfigProblem[] {
  if (config.env !== 'production') return [];
  const uses = USES[name];
  const problems = productionProblems(config).filter((p) => uses === 'all' || uses.includes(p.variable));
  // These processes run beside npm start: on PGlite (one process) they would open a database of their own.
  if (!config.databaseUrl) {
    problems.push({
      variable: 'DATABASE_URL',
      message: `required in production by npm run ${name}: it runs beside npm start on the same PostgreSQL (the embedded PGlite database allows one process; npm start runs the ${name} in-process)`,
    });
  }
  return problems;
}

/**
 * Called first by each process's main: in production, refuses to start (exit 1, every problem on
 * stderr, each naming its variable or Redis setting) when the configuration lacks what the process
 * uses, checked before anything is opened, or when its Redis would lose or evict the queues
 * (REDIS_SKIP_SETTINGS_CHECK as for npm start). Outside production it does nothing.
 */
export async function refuseUnfitProduction(config: Config, name: ProductionProcess): Promise<void> {
  if (config.env !== 'production') return;
  try {
    const problems = processProductionProblems(config, name);
    if (problems.length) throw new ConfigError(problems);
    if (!(await pingRedis(config.redisUrl))) {
      throw new Error(
        `nothing answers at REDIS_URL (${redisAddress(config.redisUrl)}); production needs its own Redis service (${PRODUCTION_REDIS_CONF.join(', ')}): see docs/operations.md`,
      );
    }
    const redis = createRedis(config.redis, 'commands', `${name}-settings-check`);
    try {
      await assertProductionRedis(redis, config.redis);
    } finally {
      redis.disconnect();
    }
  } catch (err) {
    process.stderr.write(`npm run ${name} failed: ${(err as Error).message}\n`);
    process.exit(1);
  }
}
