import type { Queryable } from '../db/database';
import type { Logger } from '../logger';
import { insertEvents, type EventRow } from './event-store';

export class WriterClosedError extends Error {
  constructor() {
    super('event writer is closed');
    this.name = 'WriterClosedError';
  }
}

export interface EventWriterOptions {
  /** How long the first waiting batch may wait for others to join it (group commit). 0: flush at once. */
  lingerMs: number;
  /** A flush starts at once when this many events wait; one statement never carries many more. */
  maxEvents: number;
  logger?: Logger;
}

interface Waiting {
  rows: readonly EventRow[];
  done: (err?: Error) => void;
}

export interface WriterStats {
  flushes: number;
  events: number;
  inserted: number;
}

/**
 * Group commit for viewing events. Requests hand over their batch and wait until it is committed, so
 * the 202 they answer means "stored" and a client whose request failed retries (nothing is lost even
 * on a crash); batches from concurrent requests are written together in one multi-row INSERT, one
 * statement at a time (the rollup trigger serialises maintainers anyway). close() stops taking
 * batches and resolves once everything handed over has been written.
 */
export class EventWriter {
  private queue: Waiting[] = [];
  private queued = 0;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private closed = false;
  readonly stats: WriterStats = { flushes: 0, events: 0, inserted: 0 };

  constructor(
    private readonly db: Queryable,
    private readonly options: EventWriterOptions,
  ) {}

  /** Resolves when the rows are committed; rejects if the database refused them (the caller answers 503). */
  write(rows: readonly EventRow[]): Promise<void> {
    if (this.closed) return Promise.reject(new WriterClosedError());
    if (rows.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ rows, done: (err) => (err ? reject(err) : resolve()) });
      this.queued += rows.length;
      if (this.queued >= this.options.maxEvents || this.options.lingerMs <= 0) this.kick();
      else this.timer ??= setTimeout(() => this.kick(), this.options.lingerMs);
    });
  }

  /** Writes what is waiting now and resolves when the writer is idle. */
  async flush(): Promise<void> {
    this.kick();
    while (this.running) await this.running;
  }

  /** Refuses new batches, then writes every batch already handed over. Idempotent. */
  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
  }

  get pending(): number {
    return this.queued;
  }

  private kick(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.running || this.queue.length === 0) return;
    this.running = this.drain().finally(() => {
      this.running = null;
      // Batches that arrived during the last statement and found it running are written now.
      if (this.queue.length > 0) this.kick();
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      // Whole requests only, so each one learns the fate of all its events from one statement.
      const group: Waiting[] = [];
      let count = 0;
      while (this.queue.length > 0 && (group.length === 0 || count + this.queue[0]!.rows.length <= this.options.maxEvents)) {
        const w = this.queue.shift()!;
        group.push(w);
        count += w.rows.length;
      }
      this.queued -= count;
      try {
        const inserted = await insertEvents(this.db, group.flatMap((w) => w.rows));
        this.stats.flushes += 1;
        this.stats.events += count;
        this.stats.inserted += inserted;
        for (const w of group) w.done();
      } catch (err) {
        const e = err as Error;
        this.options.logger?.error({ err: { type: e.name, message: e.message }, events: count }, 'event flush failed');
        for (const w of group) w.done(e);
      }
    }
  }
}
