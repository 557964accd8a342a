import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pingRedis } from '../../server/doctor';
import { freePort } from './services';

export interface RedisProcess {
  url: string;
  pid: number;
  /** SIGSTOP: the server keeps its connections open and answers nothing (a stalled Redis). */
  pause(): void;
  /** SIGCONT: it answers again, the commands sent meanwhile first. */
  resume(): void;
  /** Kills the server and removes its directory. */
  close(): Promise<void>;
}

/**
 * A redis-server of the test's own, on a free port, with its files in a temp dir: tests that stop,
 * stall or kill Redis never touch the shared one on 6379. `args` adds redis-server options.
 */
export async function startRedisProcess(args: string[] = []): Promise<RedisProcess> {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vg-redis-'));
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', ...args],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 10_000;
  while (!(await pingRedis(url, 200))) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`redis-server on ${port} did not start`);
    await new Promise((r) => setTimeout(r, 50));
  }
  let paused = false;
  return {
    url,
    pid: child.pid!,
    pause() {
      paused = true;
      child.kill('SIGSTOP');
    },
    resume() {
      paused = false;
      child.kill('SIGCONT');
    },
    async close() {
      if (child.exitCode === null) {
        if (paused) child.kill('SIGCONT');
        child.kill('SIGKILL');
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
