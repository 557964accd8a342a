import { createLogger, type Logger } from '../server/logger';

/**
 * The speech module's logger when its caller hands none (tests, scripts): lines carry hashes,
 * counts and timings only, never narration text. The processes pass their own logger's child, so
 * LOG_LEVEL reaches speech/ through the config their composition root read; nothing here reads
 * the environment or keeps an instance.
 */
export function speechLogger(parent?: Logger): Logger {
  return parent ?? createLogger({ name: 'speech', level: 'info' });
}
