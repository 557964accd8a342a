import { MAX_EVENTS_PER_BATCH, viewingEvent, type ViewingEvent } from '../../../compositions/common/events';
import { store } from '../token';

const ENDPOINT = '/api/events';
/** A batch leaves when it is this full, or FLUSH_MS after its first event. */
export const BATCH_SIZE = 20;
export const FLUSH_MS = 4_000;
const MAX_BACKOFF_MS = 60_000;
// More than this many unsent events (weeks offline): the oldest go, the device's storage is not ours.
const MAX_KEPT = 500;
// sendBeacon refuses bodies over ~64 KB in total; an event is ~250 bytes.
const BEACON_CHUNK = 50;

/**
 * Viewing events on their way to POST /api/events. Every event is checked against the shared
 * contract before it is queued, kept in localStorage (under a hash of the token, never the token)
 * until the server has acknowledged it, sent in batches with fetch keepalive, with sendBeacon when
 * the page is hidden, and again after a failure or when the device is back online. Retries carry
 * the same event ids, so the server counts each event once.
 */
export class EventQueue {
  private pending: ViewingEvent[] = [];
  private inFlight = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private backoff = FLUSH_MS;
  /** Events the server has acknowledged (for tests and the bench: window.__videoguidaEvents). */
  readonly sent: ViewingEvent[] = [];

  constructor(
    private readonly token: string,
    private readonly storageKey: string,
  ) {
    const saved = store.get(storageKey);
    if (saved) {
      try {
        const list = JSON.parse(saved) as unknown[];
        this.pending = list.flatMap((e) => {
          const r = viewingEvent.safeParse(e);
          return r.success ? [r.data] : [];
        });
      } catch {
        store.remove(storageKey);
      }
    }
    addEventListener('online', () => void this.flush());
    addEventListener('pagehide', () => this.beacon());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') this.beacon();
    });
    if (this.pending.length) this.schedule(0);
  }

  /** Events not yet acknowledged by the server (in flight included). */
  get pendingCount(): number {
    return this.pending.length;
  }

  /** Queues one event; false when it breaks the contract (it is then dropped, never sent). */
  push(event: ViewingEvent): boolean {
    const r = viewingEvent.safeParse(event);
    if (!r.success) return false;
    this.pending.push(r.data);
    if (this.pending.length > MAX_KEPT) this.pending.splice(0, this.pending.length - MAX_KEPT);
    this.persist();
    this.schedule(this.unsent().length >= BATCH_SIZE ? 0 : FLUSH_MS);
    return true;
  }

  private unsent(): ViewingEvent[] {
    return this.pending.filter((e) => !this.inFlight.has(e.id));
  }

  private persist(): void {
    if (this.pending.length) store.set(this.storageKey, JSON.stringify(this.pending));
    else store.remove(this.storageKey);
  }

  private schedule(ms: number): void {
    if (this.timer !== undefined && ms > 0) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, ms);
  }

  private acknowledge(ids: Set<string>, delivered: boolean): void {
    if (delivered) this.sent.push(...this.pending.filter((e) => ids.has(e.id)));
    this.pending = this.pending.filter((e) => !ids.has(e.id));
    this.persist();
  }

  /** Sends what is queued now; resolves when the server has answered (or the attempt failed). */
  async flush(): Promise<void> {
    const batch = this.unsent().slice(0, MAX_EVENTS_PER_BATCH);
    if (!batch.length) return;
    const ids = new Set(batch.map((e) => e.id));
    ids.forEach((id) => this.inFlight.add(id));
    try {
      const res = await fetch(ENDPOINT, {
        method: 'POST',
        keepalive: true,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: this.token, events: batch }),
      });
      if (res.ok) {
        this.backoff = FLUSH_MS;
        this.acknowledge(ids, true);
      } else if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
        // The server refused the batch itself (an expired link): retrying cannot help.
        this.acknowledge(ids, false);
      } else throw new Error(String(res.status));
    } catch {
      this.backoff = Math.min(MAX_BACKOFF_MS, this.backoff * 2);
      ids.forEach((id) => this.inFlight.delete(id));
      this.schedule(this.backoff);
      return;
    }
    ids.forEach((id) => this.inFlight.delete(id));
    if (this.unsent().length) this.schedule(this.unsent().length >= BATCH_SIZE ? 0 : FLUSH_MS);
  }

  /** The page is going away: hand what is left to the browser, which sends it after we are gone. */
  beacon(): void {
    const left = this.unsent();
    if (!left.length || typeof navigator.sendBeacon !== 'function') return;
    for (let i = 0; i < left.length; i += BEACON_CHUNK) {
      const chunk = left.slice(i, i + BEACON_CHUNK);
      const body = new Blob([JSON.stringify({ token: this.token, events: chunk })], { type: 'application/json' });
      // Queued by the browser: forget them. Refused (too big, quota): they stay for the next visit.
      if (navigator.sendBeacon(ENDPOINT, body)) this.acknowledge(new Set(chunk.map((e) => e.id)), true);
    }
  }
}
