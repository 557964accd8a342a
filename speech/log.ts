import { createLogger, type Logger } from '../server/logger';

let shared: Logger | undefined;

/** The speech module's logger. Lines carry hashes, counts and timings only, never narration text. */
export function speechLogger(): Logger {
  shared ??= createLogger({ name: 'speech', level: process.env.LOG_LEVEL ?? 'info' });
  return shared;
}
