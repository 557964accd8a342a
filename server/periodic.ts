import type { Logger } from './logger';

export interface Periodic<T> {
  /** Runs a pass now (or joins the one running). */
  runNow(): Promise<T>;
  close(): Promise<void>;
}

export interface PeriodicOptions {
  /** The first pass at once rather than after one interval (a poller that drains a backlog). */
  immediate?: boolean;
  /** The timer keeps the process alive; by default it never does. */
  keepAlive?: boolean;
}

/**
 * Runs `pass` every `intervalMs` (first after one interval, unless `immediate`), one at a time; a
 * failed pass is logged as `what failed` and tried again at the next period.
 */
export function startPeriodic<T>(what: string, pass: () => Promise<T>, intervalMs: number, logger: Logger, options: PeriodicOptions = {}): Periodic<T> {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<T> | undefined;
  let closed = false;
  const runNow = (): Promise<T> => (running ??= pass().finally(() => (running = undefined)));
  const schedule = () => {
    if (closed) return;
    timer = setTimeout(tick, intervalMs);
    if (!options.keepAlive) timer.unref();
  };
  const tick = () => {
    runNow()
      .catch((err: Error) => logger.warn({ err: { type: err.name, message: err.message } }, `${what} failed`))
      .finally(schedule);
  };
  if (options.immediate) tick();
  else schedule();
  return {
    runNow,
    async close() {
      closed = true;
      clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}
