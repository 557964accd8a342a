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
    const timeoutMs = options.timeoutMs ?? 120_000;
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], signal: options.signal });
    // Ours rather than spawn's `timeout` (SIGTERM, which a wedged program may ignore, and an error
    // that only says "SIGTERM"): SIGKILL, and the error says what was expected.
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      const hint = e.code === 'ENOENT' ? ` (is ${command} installed? the doctor step installs it)` : '';
      reject(new Error(`could not run ${command}: ${e.message}${hint}`));
    });
    child.on('close', (code, sig) => {
      clearTimeout(timer);
      const stderr = Buffer.concat(err).toString('utf8');
      if (timedOut) return reject(new Error(`${command} ${args[0] ?? ''} took over ${timeoutMs} ms, expected it to finish; it was killed`));
      if (code === 0) return resolve({ stdout: Buffer.concat(out), stderr });
      const detail = options.stderrInError ? `: ${stderr.trim().slice(-600)}` : ` (stderr withheld: ${stderr.length} chars)`;
      reject(new Error(`${command} ${args[0] ?? ''} exited with ${code ?? sig}, expected 0${detail}`));
    });
    // EPIPE when a child exits before reading all input shows up in 'close'; do not crash on it here.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}
