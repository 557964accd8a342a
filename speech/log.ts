import { loadConfig } from '../server/config';
import { createLogger, type Logger } from '../server/logger';

let shared: Logger | undefined;

/**
 * The speech module's logger. Lines carry hashes, counts and timings only, never narration text.
 * Made on first use, deep inside narration where no config is handed down: LOG_LEVEL comes from
 * the environment through server/config.ts.
 */
export function speechLogger(): Logger {
  shared ??= createLogger({ name: 'speech', level: loadConfig().logLevel });
  return shared;
}
