import { startNotifier, type RunningNotifier, type StartNotifierDeps } from '../../notifier/start';
import type { TestApi } from './api';

/**
 * The notifier in-process beside a test API: it shares the API's config, database, logger and
 * Redis, so a test names only the settings it changes (sinks, poll interval, rates).
 */
export const startNotifierBeside = (api: TestApi, settings: StartNotifierDeps['settings']): Promise<RunningNotifier> =>
  startNotifier({ config: api.config, db: api.db, logger: api.ctx.logger, redisUrl: api.config.redisUrl, settings });
