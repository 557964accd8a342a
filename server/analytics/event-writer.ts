import type { Queryable } from '../db/database';
import type { Logger } from '../logger';
import { dataErrorReason, isDataError, sqlStateOf } from '../db/sql-errors';
import { insertEvents, type EventRow } from './event-store';

export class WriterClosedError extends Error {
  constructor() {
    super('event writer is closed');
    this.name = 'WriterClosedError';
  }
}

/**
 * The database refused a value of this batch (SQLSTATE class 22 or 23): sending it again cannot
 * help, so the caller answers 4xx, not 503. Only the batch that holds the value gets this.
 */
export class EventsRefusedError extends Error {
  constructor(
    readonly sqlState: string | undefined,
    /** What kind of value was refused, safe to show the client (never the value itself). */
    readonly reason: string,
  ) {
    super(`the database refused a value of the batch: ${reason}`);
    this.name = 'EventsRefusedError';
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
  /** Statements that committed. */
  flushes: number;
  events: number;
  inserted: number;
  /** Group inserts a data error made the writer redo batch by batch. */
  isolated: number;
  /** Batches the database refused (EventsRefusedError). */
  refused: number;
}

/**
 * Group commit for viewing events. Requests hand over their batch and wait until it is committed, so
 * the 202 they answer means "stored" and a client whose request failed retries (nothing is lost even
 * on a crash); batches from concurrent requests are written together in one multi-row INSERT, one
 * statement at a time (the rollup trigger serialises maintainers anyway). close() stops taking
 * batches and resolves once everything handed over has been written.
 *
 * One batch never fails another: when the group's statement is refused for a value (a data error,
 * which rolls the whole statement back), each batch of the group is written again on its own, so only
 * the batch holding the value is refused (EventsRefusedError) and the others are stored. A transient
 * error (connection lost, shutdown) fails the group as before: every batch is answered 503 and retried.
 */
export class EventWriter {
  private queue: Waiting[] = [];
  private queued = 0;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private closed = false;
  readonly stats: WriterStats = { flushes: 0, events: 0, inserted: 0, isolated: 0, refused: 0 };

  constructor(
    private readonly db: Queryable,
    private readonly options: EventWriterOptions,
  ) {}

  /**
   * Resolves when the rows are committed. Rejects with EventsRefusedError when the database refused a
   * value of these rows (the caller answers 4xx), with another error when the database could not be
   * reached or failed (the caller answers 503 and the client retries).
   */
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
        await this.insert(
          group.flatMap((w) => w.rows),
          count,
        );
        for (const w of group) w.done();
      } catch (err) {
        if (!isDataError(err) || group.length === 1) {
          this.fail(group, err as Error, count);
          continue;
        }
        // The statement was rolled back as a whole: nothing of the group is stored. Each batch again,
        // alone, so only the one holding the refused value learns of it.
        this.stats.isolated += 1;
        this.options.logger?.warn(
          { err: { type: (err as Error).name, code: sqlStateOf(err) }, batches: group.length, events: count },
          'event flush refused a value; writing its batches one by one',
        );
        for (const w of group) {
          try {
            await this.insert(w.rows, w.rows.length);
            w.done();
          } catch (e) {
            this.fail([w], e as Error, w.rows.length);
          }
        }
      }
    }
  }

  private async insert(rows: readonly EventRow[], count: number): Promise<void> {
    const inserted = await insertEvents(this.db, rows);
    this.stats.flushes += 1;
    this.stats.events += count;
    this.stats.inserted += inserted;
  }

  private fail(group: readonly Waiting[], e: Error, count: number): void {
    if (isDataError(e)) {
      // The message of a data error may quote the value: only its SQLSTATE is logged.
      this.stats.refused += group.length;
      this.options.logger?.warn({ err: { type: e.name, code: sqlStateOf(e) }, events: count }, 'event batch refused by the database');
      const refused = new EventsRefusedError(sqlStateOf(e), dataErrorReason(e));
      for (const w of group) w.done(refused);
      return;
    }
    this.options.logger?.error({ err: { type: e.name, message: e.message }, events: count }, 'event flush failed');
    for (const w of group) w.done(e);
  }
}
