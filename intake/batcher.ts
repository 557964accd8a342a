/**
 * Gathers single items into batches, at most `maxInFlight` running at once. A batch starts when a
 * slot is free and it has `size` items, or its first item has waited `waitMs`, or a batch just
 * finished (what arrived meanwhile has waited long enough). So under load batches fill up while the
 * slots are busy, and a lone item still goes within `waitMs`. Each add() settles with its own
 * item's result (an Error result rejects that item only; a thrown error rejects the whole batch).
 */
export interface BatcherOptions<T, R> {
  size: number;
  waitMs: number;
  maxInFlight: number;
  run(items: T[]): Promise<(R | Error)[]>;
}

interface Pending<T, R> {
  item: T;
  resolve(r: R): void;
  reject(e: unknown): void;
}

export class Batcher<T, R> {
  private pending: Pending<T, R>[] = [];
  private timer: NodeJS.Timeout | undefined;
  private running = 0;
  private due = false;
  private draining = false;

  constructor(private readonly o: BatcherOptions<T, R>) {}

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      this.pump();
    });
  }

  /** From now on every item runs as soon as a slot is free (shutdown). */
  drain(): void {
    this.draining = true;
    this.pump();
  }

  private pump(): void {
    while (this.running < this.o.maxInFlight && this.pending.length > 0 && (this.due || this.draining || this.pending.length >= this.o.size)) {
      const batch = this.pending.splice(0, this.o.size);
      if (this.pending.length === 0) this.due = false;
      this.running += 1;
      void this.execute(batch);
    }
    if (this.pending.length === 0 && this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    } else if (this.pending.length > 0 && !this.due && !this.timer) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.due = true;
        this.pump();
      }, this.o.waitMs);
    }
  }

  private async execute(batch: Pending<T, R>[]): Promise<void> {
    try {
      const results = await this.o.run(batch.map((b) => b.item));
      batch.forEach((b, i) => {
        const r = results[i];
        if (r instanceof Error) b.reject(r);
        else b.resolve(r as R);
      });
    } catch (err) {
      for (const b of batch) b.reject(err);
    } finally {
      this.running -= 1;
      if (this.pending.length > 0) this.due = true;
      this.pump();
    }
  }
}
