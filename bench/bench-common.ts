import { spawn } from 'node:child_process';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Backend } from '../test/helpers/databases';

/** One line of a bench's output: `name: value unit` figures (what test/bench-smoke.test.ts reads), `#` notes. */
export const say = (line: string): void => void process.stdout.write(`${line}\n`);

const BACKEND_OPTION = { backend: { type: 'string', default: 'both' } } as const;

/**
 * A database bench's flags: its own `options` and `--backend both|postgres|pglite`. With both,
 * PostgreSQL runs first, so the unsuffixed figure every bench prints is PostgreSQL's.
 */
export function databaseBenchArgs<O extends NonNullable<ParseArgsConfig['options']>>(options: O) {
  const { values } = parseArgs({ options: { ...options, ...BACKEND_OPTION } as O & typeof BACKEND_OPTION });
  const { backend } = values as { backend: string };
  const backends: Backend[] = backend === 'both' ? ['postgres', 'pglite'] : [backend as Backend];
  return { values, backends };
}

/**
 * Runs `script` (plain JavaScript) in a node process of its own, `job` as JSON on its stdin, and
 * parses what it prints: the load generator must not share the measured API's event loop.
 */
export function runScript<R>(script: string, job: object): Promise<R> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as R) : reject(new Error(`load generator exited with ${code}`))));
    child.stdin.end(JSON.stringify(job));
  });
}
