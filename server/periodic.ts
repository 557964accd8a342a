import type { Logger } from './logger';

export interface Periodic<T> {
  /** Runs a pass now (or joins the one running). */
  runNow(): Promise<T>;
  close(): Promise<void>;
}

/**
 * Runs `pass` every `intervalMs` (first after one interval), one at a time; a failed pass is logged
 * as `what failed` and tried again at the next period. The timer never keeps a process alive.
 */
export function startPeriodic<T>(what: string, pass: () => Promise<T>, intervalMs: number, logger: Logger): Periodic<T> {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<T> | undefined;
  let closed = false;
  const runNow = (): Promise<T> => (running ??= pass().finally(() => (running = undefined)));
  const schedule = () => {
    if (closed) return;
    timer = setTimeout(tick, intervalMs);
    timer.unref();
  };
  const tick = () => {
    runNow()
      .catch((err: Error) => logger.warn({ err: { type: err.name, message: err.message } }, `${what} failed`))
      .finally(schedule);
  };
  schedule();
  return {
    runNow,
    async close() {
      closed = true;
      clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}
