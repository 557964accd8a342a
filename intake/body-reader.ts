import { Worker } from 'node:worker_threads';
import { readBody, type BodyResult } from './message';

/**
 * Reads message bodies: validation and the guide's preparation (its storyboard, for the duration)
 * are most of the intake's CPU, so with `threads` > 0 they run on worker threads and the consumer's
 * own thread keeps the broker, the database and the batching. With 0, inline.
 */
export interface BodyReader {
  read(bodies: readonly unknown[]): Promise<BodyResult[]>;
  close(): Promise<void>;
}

export interface BodyReaderOptions {
  threads: number;
  maxMessageBytes: number;
  fiscalCodeHmacKey: string;
  /** Called once if the threads keep dying and reading falls back to the calling thread. */
  onFallback?: (reason: string) => void;
  /** The thread's module (tests give one that cannot start). */
  workerUrl?: URL;
}

/** Three thread deaths within this long: the threads cannot run here; read inline from then on. */
const DEATHS_WINDOW_MS = 30_000;

export function createBodyReader(o: BodyReaderOptions): BodyReader {
  if (o.threads <= 0) {
    return { read: async (bodies) => bodies.map((b) => readBody(b, o.maxMessageBytes, o.fiscalCodeHmacKey)), close: async () => undefined };
  }
  return new ThreadedReader(o);
}

interface Job {
  resolve(r: BodyResult[]): void;
  reject(e: Error): void;
}

interface Thread {
  worker: Worker;
  jobs: Map<number, Job>;
}

class ThreadedReader implements BodyReader {
  private readonly threads: Thread[] = [];
  private next = 0;
  private closing = false;
  private deaths: number[] = [];
  private inline = false;

  constructor(private readonly o: BodyReaderOptions) {
    for (let i = 0; i < o.threads; i++) this.threads.push(this.spawn());
  }

  private spawn(): Thread {
    const worker = new Worker(this.o.workerUrl ?? new URL('./body-thread.mjs', import.meta.url), {
      workerData: { maxMessageBytes: this.o.maxMessageBytes, fiscalCodeHmacKey: this.o.fiscalCodeHmacKey },
    });
    const t: Thread = { worker, jobs: new Map() };
    worker.on('message', (m: { id: number; results?: BodyResult[]; error?: string }) => {
      const job = t.jobs.get(m.id);
      t.jobs.delete(m.id);
      if (m.results) job?.resolve(m.results);
      else job?.reject(new Error(`body reader thread: ${m.error ?? 'no answer'}`));
    });
    // A thread that dies fails its jobs (their batch goes back on the queue) and is replaced.
    const fail = (why: string) => {
      for (const job of t.jobs.values()) job.reject(new Error(`body reader thread ${why}`));
      t.jobs.clear();
      const i = this.threads.indexOf(t);
      if (i === -1 || this.closing || this.inline) return;
      const now = Date.now();
      this.deaths = [...this.deaths.filter((d) => now - d < DEATHS_WINDOW_MS), now];
      if (this.deaths.length >= 3) {
        // Not a passing failure (a thread that cannot even load): stop spawning, read inline.
        this.inline = true;
        for (const other of this.threads) void other.worker.terminate();
        this.o.onFallback?.(why);
      } else this.threads[i] = this.spawn();
    };
    worker.on('error', (err) => fail(`failed: ${err.message}`));
    worker.on('exit', (code) => fail(`exited (code ${code})`));
    worker.unref();
    return t;
  }

  read(bodies: readonly unknown[]): Promise<BodyResult[]> {
    if (this.inline) return Promise.resolve(bodies.map((b) => readBody(b, this.o.maxMessageBytes, this.o.fiscalCodeHmacKey)));
    // The thread with the fewest jobs waiting.
    const t = this.threads.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
    const id = this.next++;
    return new Promise((resolve, reject) => {
      t.jobs.set(id, { resolve, reject });
      t.worker.postMessage({ id, bodies });
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }
}
