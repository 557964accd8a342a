/**
 * Concurrent requests for one key in this process share one piece of work: the first starts it,
 * the others join it until it settles. `joined` tells a caller it got another's result.
 */
export class SingleFlight<T> {
  private readonly running = new Map<string, Promise<T>>();

  run(key: string, work: () => Promise<T>): { result: Promise<T>; joined: boolean } {
    const pending = this.running.get(key);
    if (pending) return { result: pending, joined: true };
    const result = work().finally(() => this.running.delete(key));
    this.running.set(key, result);
    return { result, joined: false };
  }
}
