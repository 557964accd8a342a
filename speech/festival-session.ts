import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const IDLE_MS = 30_000;
/** One sentence takes Festival well under a second; a minute means it is wedged. */
const TIMEOUT_MS = 60_000;

export interface FestivalSessionOptions {
  /** The festival binary (tests give a stand-in). */
  command?: string;
  /** The longest one sentence may take; past it the process is killed and the sentence fails. */
  timeoutMs?: number;
}

/**
 * One long-running `festival --pipe` with a voice loaded. Starting Festival and loading a diphone
 * voice costs about 0.3 s, more than synthesising a typical sentence, so sentences are sent to a
 * running process as Scheme commands. The text reaching here is already festivalText(): no quote or
 * backslash can end the Scheme string. The process holds Node's event loop only while it works.
 */
export class FestivalSession {
  private child: ChildProcessWithoutNullStreams | undefined;
  private stderr = '';
  private pending = new Map<string, { resolve: () => void; reject: (e: Error) => void }>();
  private idle: NodeJS.Timeout | undefined;
  private tail: Promise<unknown> = Promise.resolve();
  private dir: string | undefined;
  busy = 0;

  private readonly command: string;
  private readonly timeoutMs: number;

  constructor(
    private readonly setup: string[],
    options: FestivalSessionOptions = {},
  ) {
    this.command = options.command ?? 'festival';
    this.timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
  }

  synthesize(text: string): Promise<Buffer> {
    this.busy += 1;
    const job = this.tail
      .then(() => this.once(text))
      .finally(() => {
        this.busy -= 1;
      });
    this.tail = job.catch(() => undefined);
    return job;
  }

  private start(): ChildProcessWithoutNullStreams {
    const child = spawn(this.command, ['--pipe'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.dir ??= mkdtempSync(path.join(tmpdir(), 'festival-'));
    // Markers come back on stderr: Festival's stdout is block-buffered in a pipe, stderr is not.
    // Its error messages share that stream and echo the words: they are parsed away, never logged.
    child.stdout.on('data', () => undefined);
    child.stderr.on('data', (b: Buffer) => {
      this.stderr += b.toString('latin1');
      for (let m = /VG-DONE (\w+)\n/.exec(this.stderr); m; m = /VG-DONE (\w+)\n/.exec(this.stderr)) {
        this.stderr = this.stderr.slice(m.index + m[0].length);
        this.pending.get(m[1]!)?.resolve();
      }
      if (this.stderr.length > 65_536) this.stderr = this.stderr.slice(-1024);
    });
    const fail = (why: string) => {
      // A process already replaced (killed at a timeout, closed) holds none of the sentences waiting.
      if (this.child !== child) return;
      for (const p of this.pending.values()) p.reject(new Error(`festival ${why} while synthesising, expected it to keep running`));
      this.pending.clear();
      this.child = undefined;
    };
    child.on('error', (e) => fail(`could not start (${e.message}; is festival installed?)`));
    child.on('exit', (code) => fail(`exited with ${code}`));
    child.stdin.on('error', () => undefined);
    child.stdin.write(Buffer.from(`${this.setup.join('\n')}\n`, 'latin1'));
    return child;
  }

  private hold(on: boolean): void {
    const c = this.child;
    if (!c) return;
    for (const h of [c, c.stdin, c.stdout, c.stderr] as { ref(): void; unref(): void }[]) on ? h.ref() : h.unref();
  }

  private async once(text: string): Promise<Buffer> {
    clearTimeout(this.idle);
    this.child ??= this.start();
    this.hold(true);
    const id = randomBytes(6).toString('hex');
    const file = path.join(this.dir!, `${id}.wav`);
    const child = this.child;
    const done = new Promise<void>((resolve, reject) => {
      // A wedged Festival is killed, not kept: the next sentence starts a fresh process instead of
      // waiting a minute behind this one's silence and failing too.
      const timer = setTimeout(() => {
        reject(new Error(`festival took over ${this.timeoutMs} ms for one sentence, expected well under a second; the process was killed`));
        if (this.child === child) this.child = undefined;
        child.kill('SIGKILL');
      }, this.timeoutMs);
      this.pending.set(id, { resolve: () => (clearTimeout(timer), resolve()), reject: (e) => (clearTimeout(timer), reject(e)) });
    });
    this.child.stdin.write(
      Buffer.from(`(utt.save.wave (utt.synth (Utterance Text "${text}")) "${file}" 'riff)\n(format stderr "VG-DONE ${id}\\n")\n`, 'latin1'),
    );
    try {
      await done;
      return await readFile(file).catch(() => {
        throw new Error('festival produced no audio for the sentence (its letter-to-sound rules may have failed)');
      });
    } finally {
      this.pending.delete(id);
      await rm(file, { force: true });
      this.hold(false);
      this.idle = setTimeout(() => this.close(), IDLE_MS).unref();
    }
  }

  close(): void {
    this.child?.stdin.end();
    this.child = undefined;
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = undefined;
  }
}
