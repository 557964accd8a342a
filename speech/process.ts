import { spawn } from 'node:child_process';

export interface RunOptions {
  /** Written to the child's stdin, then stdin is closed. */
  input?: Buffer | string;
  signal?: AbortSignal;
  /**
   * Whether stderr may appear in the thrown error. Off by default: synthesisers echo the words they
   * could not read, and narration contains citizens' names, which must not reach a log line.
   */
  stderrInError?: boolean;
  timeoutMs?: number;
}

export interface RunResult {
  stdout: Buffer;
  stderr: string;
}

/** Runs a program with an argument array (never a shell), collecting stdout as bytes. */
export function run(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], signal: options.signal, timeout: options.timeoutMs ?? 120_000 });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e: NodeJS.ErrnoException) => {
      const hint = e.code === 'ENOENT' ? ` (is ${command} installed? the doctor step installs it)` : '';
      reject(new Error(`could not run ${command}: ${e.message}${hint}`));
    });
    child.on('close', (code, sig) => {
      const stderr = Buffer.concat(err).toString('utf8');
      if (code === 0) return resolve({ stdout: Buffer.concat(out), stderr });
      const detail = options.stderrInError ? `: ${stderr.trim().slice(-600)}` : ` (stderr withheld: ${stderr.length} chars)`;
      reject(new Error(`${command} ${args[0] ?? ''} exited with ${code ?? sig}, expected 0${detail}`));
    });
    // EPIPE when a child exits before reading all input shows up in 'close'; do not crash on it here.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}
