/**
 * The notifier as its own process (`npm run notifier`): scale out by starting more of them
 * against PostgreSQL; with the embedded PGlite database, `npm start` runs it in-process instead.
 */
import { runServiceProcess } from './process-shell';
import { startNotifier } from '../notifier/start';

await runServiceProcess({
  process: 'notifier',
  loggerName: 'notifier',
  start: startNotifier,
  shutdownMs: (notifier) => notifier.settings.shutdownTimeoutMs,
});
