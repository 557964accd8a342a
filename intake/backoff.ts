/**
 * A growing pause after a failed batch (250 ms doubling up to maxMs), reset by the next good one, so a
 * database or broker outage is not a hot loop; wakeAll() cuts every pause short (at close).
 */
export function createBackoff(maxMs: number) {
  let failures = 0;
  const sleepers = new Set<() => void>();
  return {
    failed() {
      failures += 1;
    },
    succeeded() {
      failures = 0;
    },
    pause(): Promise<void> {
      return new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(t);
          sleepers.delete(wake);
          resolve();
        };
        const t = setTimeout(wake, Math.min(maxMs, 250 * 2 ** Math.min(failures, 10)));
        sleepers.add(wake);
      });
    },
    wakeAll() {
      for (const wake of [...sleepers]) wake();
    },
  };
}
