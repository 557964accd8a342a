import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Connection, type Envelope } from 'rabbitmq-client';
import { freePort, portAnswers } from './services';

/**
 * RabbitMQ for tests (issue #18). The shared broker on 127.0.0.1:5672 (guest/guest) is used by other
 * test files at the same time, so each file gets a vhost of its own (rabbitmqctl add_vhost, deleted
 * after) — or, where rabbitmqctl cannot make one, unique queue and exchange names on "/". A test
 * that restarts a broker starts a private node instead (its own node name, ports and directories),
 * so the shared one is never touched.
 */

const run = promisify(execFile);
export const SHARED_AMQP = process.env.TEST_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

export function uniqueName(label: string): string {
  return `vg-${label}-${process.pid}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export interface TestVhost {
  /** The vhost's name ('/' when none could be made). */
  name: string;
  url: string;
  /** True when the file has a vhost of its own; false: unique names on "/" only. */
  own: boolean;
  remove(): Promise<void>;
}

/** A vhost of this file's own on the shared broker, guest allowed everything in it. */
export async function createTestVhost(label: string): Promise<TestVhost> {
  const name = uniqueName(label);
  try {
    await run('rabbitmqctl', ['add_vhost', name], { timeout: 30_000 });
    await run('rabbitmqctl', ['set_permissions', '-p', name, 'guest', '.*', '.*', '.*'], { timeout: 30_000 });
  } catch {
    return { name: '/', url: SHARED_AMQP, own: false, remove: async () => undefined };
  }
  return {
    name,
    url: `${SHARED_AMQP}/${encodeURIComponent(name)}`,
    own: true,
    async remove() {
      await run('rabbitmqctl', ['delete_vhost', name], { timeout: 30_000 }).catch(() => undefined);
    },
  };
}

/**
 * Polls until `check` gives a value other than undefined/false; fails after `ms` naming `what`. A
 * check that itself never settles (a connection to a booting broker) counts as failed at the deadline.
 */
export async function waitFor<T>(check: () => Promise<T | undefined | false> | T | undefined | false, ms: number, what: string, every = 50): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    let timer: NodeJS.Timeout | undefined;
    try {
      const hung = new Promise<never>(
        (_, reject) => (timer = setTimeout(() => reject(new Error('the check itself did not settle')), Math.max(1000, deadline - Date.now()))),
      );
      const v = await Promise.race([Promise.resolve().then(check), hung]);
      if (v !== undefined && v !== false) return v;
    } catch (err) {
      last = err;
    } finally {
      clearTimeout(timer);
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}${last ? ` (last error: ${(last as Error).message})` : ''}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

const RABBIT_BIN = '/usr/lib/rabbitmq/bin';

export interface PrivateBroker {
  url: string;
  port: number;
  /** Starts the node (again: same directories, so durable queues and persistent messages survive). */
  start(): Promise<void>;
  /** SIGKILL to the node's process group, as a crash or a power cut of the broker's host would. */
  kill(): Promise<void>;
  /** Kills it and removes its directories. */
  remove(): Promise<void>;
  /** rabbitmqctl against this node; its standard output. */
  ctl(args: string[]): Promise<string>;
}

/** Whether this machine can run a private RabbitMQ node (the server's scripts are where Debian puts them). */
export const canRunPrivateBroker = (): boolean => fs.existsSync(path.join(RABBIT_BIN, 'rabbitmq-server'));

/**
 * A RabbitMQ node of the test's own: node name, AMQP and distribution ports, data, logs, config,
 * plugins (none) and Erlang cookie (HOME) in a temporary directory, listening on 127.0.0.1 only.
 * It shares the machine's epmd, which is harmless: the node registers under its own name.
 */
export async function startPrivateBroker(label: string): Promise<PrivateBroker> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `vg-rabbit-${label}-`));
  const port = await freePort();
  let dist = await freePort();
  while (dist === port) dist = await freePort();
  fs.writeFileSync(path.join(dir, 'rabbitmq.conf'), `listeners.tcp.local = 127.0.0.1:${port}\n`);
  fs.writeFileSync(path.join(dir, 'enabled_plugins'), '[].\n');
  fs.writeFileSync(path.join(dir, 'rabbitmq-env.conf'), '');
  const env = {
    ...process.env,
    HOME: dir,
    RABBITMQ_NODENAME: `vgtest${process.pid}${Math.random().toString(36).slice(2, 6)}@localhost`,
    RABBITMQ_NODE_PORT: String(port),
    RABBITMQ_DIST_PORT: String(dist),
    RABBITMQ_MNESIA_BASE: path.join(dir, 'mnesia'),
    RABBITMQ_LOG_BASE: path.join(dir, 'log'),
    RABBITMQ_CONFIG_FILE: path.join(dir, 'rabbitmq.conf'),
    RABBITMQ_ENABLED_PLUGINS_FILE: path.join(dir, 'enabled_plugins'),
    RABBITMQ_CONF_ENV_FILE: path.join(dir, 'rabbitmq-env.conf'),
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS: '-kernel inet_dist_use_interface {127,0,0,1}',
  };
  let child: ChildProcess | undefined;
  const exited = (c: ChildProcess) =>
    new Promise<void>((resolve) => (c.exitCode !== null || c.signalCode !== null ? resolve() : c.once('exit', () => resolve())));
  const broker: PrivateBroker = {
    url: `amqp://guest:guest@127.0.0.1:${port}`,
    port,
    async ctl(args) {
      const { stdout } = await run(path.join(RABBIT_BIN, 'rabbitmqctl'), ['-n', env.RABBITMQ_NODENAME, ...args], { env, timeout: 60_000 });
      return stdout;
    },
    async start() {
      const c = spawn(path.join(RABBIT_BIN, 'rabbitmq-server'), [], { env, stdio: 'ignore', detached: true });
      child = c;
      await waitFor(
        async () => {
          if (c.exitCode !== null) throw new Error(`rabbitmq-server exited (code ${c.exitCode}); see ${path.join(dir, 'log')}`);
          if (!(await portAnswers(port))) return false;
          // The port opens before the vhost is ready: a connection that opens and declares says it is.
          // Bounded, and destroyed rather than closed: a graceful close waits for a booting node's
          // answers, which may never come (a check that hung this way once used the test's time).
          const conn = new Connection({ url: broker.url, retryLow: 50, retryHigh: 100, connectionTimeout: 2000, acquireTimeout: 3000 });
          conn.on('error', () => undefined);
          let timer: NodeJS.Timeout | undefined;
          try {
            await Promise.race([
              (async () => {
                await conn.onConnect(3000);
                await conn.queueDeclare({ queue: '', exclusive: true });
              })(),
              new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('no answer to a declare within 5 s')), 5000))),
            ]);
            return true;
          } finally {
            clearTimeout(timer);
            conn.unsafeDestroy();
          }
        },
        90_000,
        `a private RabbitMQ node on ${port}`,
        200,
      );
    },
    async kill() {
      const c = child;
      if (!c?.pid || c.exitCode !== null || c.signalCode !== null) return;
      try {
        process.kill(-c.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
      await exited(c);
    },
    async remove() {
      await broker.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  await broker.start();
  return broker;
}

/** A publisher with confirms for the test's own messages; close it after. */
export function testPublisher(url: string) {
  const connection = new Connection({ url, retryLow: 100, retryHigh: 1000 });
  connection.on('error', () => undefined);
  const publisher = connection.createPublisher({ confirm: true, maxAttempts: 5 });
  let blocked: string | undefined;
  connection.on('connection.blocked', (reason) => (blocked = reason));
  connection.on('connection.unblocked', () => (blocked = undefined));
  return {
    connection,
    /**
     * Publishes in windows of `window` unconfirmed messages; resolves when every one is confirmed.
     * A window not confirmed within a minute fails, naming it (a broker blocked by a resource alarm
     * holds publishers without an error).
     */
    async publishAll(items: readonly { envelope: Envelope; body: unknown }[], window = 500): Promise<void> {
      for (let i = 0; i < items.length; i += window) {
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<never>((_, reject) => {
          timer = setTimeout(
            () =>
              reject(
                new Error(
                  `messages ${i}–${Math.min(items.length, i + window) - 1} not confirmed within 60 s${blocked ? ` (the broker blocked publishing: ${blocked})` : ''}`,
                ),
              ),
            60_000,
          );
        });
        try {
          await Promise.race([Promise.all(items.slice(i, i + window).map((m) => publisher.send(m.envelope, m.body))), late]);
        } finally {
          clearTimeout(timer);
        }
      }
    },
    async close() {
      await publisher.close();
      await connection.close();
    },
  };
}

/** Every message now in a queue, taken with basic.get (acked): for the dead-letter and result queues. */
export async function drainQueue(
  url: string,
  queue: string,
): Promise<{ headers: Record<string, unknown>; body: unknown; messageId?: string; correlationId?: string; routingKey: string }[]> {
  const connection = new Connection({ url });
  connection.on('error', () => undefined);
  const out = [];
  try {
    for (;;) {
      const m = await connection.basicGet({ queue, noAck: true });
      if (!m) break;
      out.push({ headers: m.headers ?? {}, body: m.body, messageId: m.messageId, correlationId: m.correlationId, routingKey: m.routingKey });
    }
  } finally {
    await connection.close();
  }
  return out;
}
