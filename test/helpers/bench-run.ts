import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect } from 'vitest';

export const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

/** One `name: value unit` line of a bench: the value as printed, as a number, and what follows it. */
export interface Figure {
  raw: string;
  value: number;
  rest: string;
}

export interface BenchRun {
  figures: Map<string, Figure>;
  stdout: string;
  stderr: string;
  seconds: number;
}

/** `name: value unit` lines; comment lines (`#`, `[backend]`) and anything else are left out. */
export function parseFigures(stdout: string): Map<string, Figure> {
  const figures = new Map<string, Figure>();
  for (const line of stdout.split('\n')) {
    const m = /^([a-z][a-z0-9_]*): (\S+)(?: (.*))?$/.exec(line.trim());
    if (m) figures.set(m[1]!, { raw: m[2]!, value: Number(m[2]), rest: m[3] ?? '' });
  }
  return figures;
}

/**
 * Runs `npx tsx bench/<name>.ts args…` as its own process group (so a timeout ends its Chromium,
 * load generators and intake processes too) and answers its figures. Fails with the bench's output
 * when it exits otherwise than 0 or outlasts timeoutMs.
 */
export function runBench(name: string, args: string[], o: { timeoutMs: number; env?: Record<string, string> }): Promise<BenchRun> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', `bench/${name}.ts`, ...args], {
      cwd: REPO,
      env: { ...process.env, LOG_LEVEL: 'warn', ...o.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, o.timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const seconds = (performance.now() - started) / 1000;
      const tail = `\n--- stdout\n${stdout.slice(-4000)}\n--- stderr\n${stderr.slice(-4000)}`;
      if (timedOut) reject(new Error(`bench ${name} ${args.join(' ')} outlasted ${o.timeoutMs / 1000} s${tail}`));
      else if (code !== 0) reject(new Error(`bench ${name} ${args.join(' ')} exited with ${code ?? signal}${tail}`));
      else {
        // What each bench costs the suite, in its output.
        process.stderr.write(`[bench-smoke] ${name} ${args.join(' ')}: ${seconds.toFixed(1)} s\n`);
        resolve({ figures: parseFigures(stdout), stdout, stderr, seconds });
      }
    });
  });
}

/** The figure, present and a finite number (of the unit, when given). */
export function figure(run: BenchRun, name: string, unit?: string): number {
  const f = run.figures.get(name);
  expect(f, `${name} missing from:\n${run.stdout}`).toBeDefined();
  expect(Number.isFinite(f!.value), `${name}: ${f!.raw} is not a finite number`).toBe(true);
  if (unit !== undefined) expect(f!.rest.split(/\s+/)[0], `${name}'s unit`).toBe(unit);
  return f!.value;
}

/** A limit on how many benches run at once (this file's tests are concurrent). */
export function limiter(slots: number): <T>(work: () => Promise<T>) => Promise<T> {
  let free = slots;
  const waiting: (() => void)[] = [];
  return async (work) => {
    if (free === 0) await new Promise<void>((r) => waiting.push(r));
    else free -= 1;
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else free += 1;
    }
  };
}
