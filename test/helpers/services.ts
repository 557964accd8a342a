import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * Redis and PostgreSQL processes a fault-injection test starts for itself, on its own ports and
 * data directories, so it can kill and restart them while the shared services on 6379 and 5432
 * (which other test files use concurrently) are never touched. Each lives in its own process
 * group; `stopAll()` (call it in afterAll) kills whatever is still running and removes the
 * directories, even after a failure.
 */

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Polls until `check` returns a value other than undefined/false; fails after `ms` naming `what`. */
export async function waitUntil<T>(check: () => Promise<T | undefined | false> | T | undefined | false, ms: number, what: string, every = 100): Promise<T> {
  const deadline = Date.now() + ms;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined && v !== false) return v;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out after ${ms} ms waiting for ${what}${lastError ? ` (last error: ${(lastError as Error).message})` : ''}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

export const exited = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

/** SIGKILL (or another signal) to the child's whole process group, as a machine dying would. */
export function killGroup(child: ChildProcess | undefined, signal: NodeJS.Signals = 'SIGKILL'): void {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    /* already gone */
  }
}

const cleanups: (() => Promise<void>)[] = [];

/** Started, and once stopAll() runs killed and its directory removed. */
async function launched<T extends ServiceProcess>(service: T): Promise<T> {
  cleanups.push(async () => {
    await service.kill();
    fs.rmSync(service.dir, { recursive: true, force: true });
  });
  await service.start();
  return service;
}

const alive = (child: ChildProcess | undefined): boolean => Boolean(child && child.exitCode === null && child.signalCode === null);

/** SIGKILL to the child's process group; resolves once the child has exited. */
async function killed(child: ChildProcess | undefined): Promise<void> {
  killGroup(child);
  if (child) await exited(child);
}

/** Kills every service process this file started and removes their directories. */
export async function stopAll(): Promise<void> {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
}

/** True once something accepts connections on the port of 127.0.0.1. */
export function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

export interface ServiceProcess {
  readonly port: number;
  readonly dir: string;
  /** Started and answering. */
  readonly running: boolean;
  start(): Promise<void>;
  /** SIGKILL to its process group; resolves once it has exited. */
  kill(): Promise<void>;
}

export interface RedisProcess extends ServiceProcess {
  readonly url: string;
}

/**
 * A redis-server without persistence (no RDB, no AOF) unless `appendonly`: a restart comes back
 * empty, as a Redis the doctor's development settings would, or one that lost its disk.
 */
export async function startRedis(o: { appendonly?: boolean } = {}): Promise<RedisProcess> {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vg-fault-redis-'));
  let child: ChildProcess | undefined;
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--save',
    '',
    '--appendonly',
    o.appendonly ? 'yes' : 'no',
    '--protected-mode',
    'no',
    '--loglevel',
    'warning',
  ];
  const r: RedisProcess = {
    port,
    dir,
    url: `redis://127.0.0.1:${port}`,
    get running() {
      return alive(child);
    },
    async start() {
      child = spawn('redis-server', args, { stdio: 'ignore', detached: true });
      await waitUntil(() => portAnswers(port), 20_000, `redis-server on ${port}`, 50);
    },
    kill: () => killed(child),
  };
  return launched(r);
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    /* already gone */
  }
}

/** The processes below `pid`, from /proc (Linux). */
function descendantsOf(pid: number): number[] {
  const parent = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // pid (comm) state ppid …: comm may hold spaces and parentheses, so read after the last ')'.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      parent.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      /* exited meanwhile */
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const [c, pp] of parent) {
      if (pp !== p) continue;
      out.push(c);
      walk(c);
    }
  };
  walk(pid);
  return out;
}

export interface PostgresProcess extends ServiceProcess {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  readonly url: string;
  /**
   * SIGSTOP to the postmaster, then to every process it forked (each backend has a session of its
   * own, so the process group is not enough): connections stay open and the kernel still accepts new
   * ones, but nothing answers, as a frozen server or a network blackhole.
   */
  pause(): void;
  /** SIGCONT: the frozen server goes on where it stopped. */
  resume(): void;
}

function postgresBin(): string {
  const candidates = [
    process.env.PG_BIN,
    ...(fs.existsSync('/usr/lib/postgresql')
      ? fs
          .readdirSync('/usr/lib/postgresql')
          .sort((a, b) => Number(b) - Number(a))
          .map((v) => `/usr/lib/postgresql/${v}/bin`)
      : []),
  ];
  const bin = candidates.find((d): d is string => Boolean(d && fs.existsSync(path.join(d, 'initdb'))));
  if (!bin) throw new Error('PostgreSQL server binaries (initdb, postgres) not found: install postgresql or set PG_BIN');
  return bin;
}

/** initdb and postgres refuse to run as root: as root, they run as the postgres user. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { uid, gid };
}

/**
 * A private PostgreSQL cluster (initdb into a temporary directory, trust authentication, database
 * `postgres`). fsync is off: these tests kill processes, not the machine, and share its disk.
 */
export async function startPostgres(): Promise<PostgresProcess> {
  const bin = postgresBin();
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vg-fault-pg-'));
  const data = path.join(dir, 'data');
  const user = runAs();
  if (user) fs.chownSync(dir, user.uid, user.gid);
  execFileSync(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C'], {
    stdio: 'ignore',
    ...(user ?? {}),
  });
  let child: ChildProcess | undefined;
  let paused: number[] = [];
  const args = [
    '-D',
    data,
    '-p',
    String(port),
    '-k',
    dir,
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'fsync=off',
    '-c',
    'max_connections=60',
    '-c',
    'shared_buffers=32MB',
  ];
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const p: PostgresProcess = {
    port,
    dir,
    url,
    get running() {
      return alive(child);
    },
    async start() {
      child = spawn(path.join(bin, 'postgres'), args, { stdio: 'ignore', detached: true, ...(user ?? {}) });
      await waitUntil(
        async () => {
          const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
          try {
            await c.connect();
            await c.query('SELECT 1');
            return true;
          } finally {
            await c.end().catch(() => undefined);
          }
        },
        30_000,
        `postgres on ${port}`,
        100,
      );
    },
    pause() {
      if (!child?.pid || !p.running) return;
      process.kill(child.pid, 'SIGSTOP');
      paused = [child.pid, ...descendantsOf(child.pid)];
      for (const pid of paused.slice(1)) signal(pid, 'SIGSTOP');
    },
    resume() {
      for (const pid of paused.splice(0)) signal(pid, 'SIGCONT');
    },
    async kill() {
      // A stopped backend would never notice its postmaster's death.
      p.resume();
      await killed(child);
    },
  };
  return launched(p);
}
