import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import { Connection } from 'rabbitmq-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEnvelopes } from '../compositions/generator/generate';
import { getGuide } from '../server/db/guides';
import { tokenOf } from './helpers/api';
import { closeTestDatabase, openTestDatabase, TEST_DATABASE_URL } from './helpers/databases';
import { canBuildHosts, createTestNetwork, type TestHost, type TestNetwork } from './helpers/netns';
import { createTestVhost, drainQueue, testPublisher, uniqueName, waitFor, type TestVhost } from './helpers/rabbitmq';
import { RENDER_OUTPUTS, renderTestEnv } from './helpers/render-env';
import { startTestS3, type TestS3 } from './helpers/s3-server';
import { expectStreamsStoredVideo } from './helpers/stored-video';
import type { Database } from '../server/db/database';

/**
 * Issue #18, "proof on this machine": four hosts in network namespaces — two API hosts (the first
 * also runs the broker intake) and two render-worker hosts — each its own process tree with its own
 * disk directories, reaching PostgreSQL, Redis, RabbitMQ and an S3 server (s3rver) over the bridge
 * only. A guide published on the broker is created once; the worker host rendering it loses every
 * process (SIGKILL, mid-render), and the other worker host finishes it: rendered once, published
 * once. Its MP4 is then streamed with a Range request from the other API host, byte for byte what
 * the store holds.
 *
 * The hosts share nothing on disk but the Remotion bundle directory (built code keyed by its hash,
 * like node_modules: each host could build its own, which costs a minute of CPU per host here).
 */

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
/** A cold invalidità render on a loaded 2-core machine (see media-store-s3-render.test.ts): up to 15 minutes. */
const RENDER_WAIT = 900_000;

interface HostProcess {
  host: TestHost;
  role: string;
  child: ChildProcess;
  lines: string[];
}

let network: TestNetwork;
let s3: TestS3;
let vhost: TestVhost;
let db: Database;
let queue: Queue;
const processes: HostProcess[] = [];
let api1: TestHost;
let api2: TestHost;
const workers: TestHost[] = [];
const apiVideoDirs: string[] = [];
const base = uniqueName('multihost');
const names = {
  queue: `${base}.guides`,
  dead: `${base}.dead`,
  deadExchange: `${base}.dead-letter`,
  reply: `${base}.results`,
  seen: `${base}.results-seen`,
};

const logsOf = (host: TestHost, role?: string) => processes.filter((p) => p.host === host && (!role || p.role === role)).flatMap((p) => p.lines);
const logged = (host: TestHost, msg: string, guideId?: string) =>
  logsOf(host).some((l) => l.includes(`"msg":"${msg}"`) && (!guideId || l.includes(`"guideId":"${guideId}"`)));

function start(host: TestHost, role: string, script: string, env: Record<string, string>): HostProcess {
  const p: HostProcess = { host, role, lines: [], child: undefined as never };
  p.child = host.spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, script)], { ...(process.env as Record<string, string>), ...env }, (line) =>
    p.lines.push(line),
  );
  processes.push(p);
  return p;
}

async function publishGuide(messageId: string, seed: string): Promise<{ id: string; token: string }> {
  const envelope = [...generateEnvelopes('invalidita', 1, seed)][0]!;
  const publisher = testPublisher(vhost.url);
  try {
    await publisher.publishAll([{ envelope: { routingKey: names.queue, messageId, durable: true, contentType: 'application/json' }, body: envelope }]);
  } finally {
    await publisher.close();
  }
  const seen: { correlationId?: string; body: unknown }[] = [];
  const result = await waitFor(
    async () => {
      seen.push(...(await drainQueue(vhost.url, names.seen)));
      return seen.find((r) => r.correlationId === messageId);
    },
    60_000,
    `the intake's result for ${messageId}`,
    200,
  );
  const body = result.body as { guideId: string; links: { qr: string } };
  return { id: body.guideId, token: tokenOf(body.links.qr) };
}

const ready = (id: string) => waitFor(async () => (await getGuide(db, id))?.status === 'ready', RENDER_WAIT, `guide ${id} to be ready`, 500);

describe('many hosts: two API hosts, two worker hosts, one PostgreSQL, Redis, RabbitMQ and S3 store', () => {
  beforeAll(async () => {
    if (!canBuildHosts()) throw new Error('this test builds hosts with ip netns and veth pairs: it runs as root (CI does)');
    network = createTestNetwork();
    const gw = network.gateway;
    const pg = new URL(TEST_DATABASE_URL);
    await network.forward(5432, { host: pg.hostname, port: Number(pg.port || 5432) });
    await network.forward(6379, { host: '127.0.0.1', port: 6379 });
    await network.forward(5672, { host: '127.0.0.1', port: 5672 });
    s3 = await startTestS3('multihost', {}, gw);
    vhost = await createTestVhost('multihost');
    db = await openTestDatabase('postgres', 'multi_host');

    api1 = network.addHost('api1');
    api2 = network.addHost('api2');
    workers.push(network.addHost('worker1'), network.addHost('worker2'));

    const dbUrl = new URL(TEST_DATABASE_URL);
    dbUrl.hostname = gw;
    dbUrl.port = '5432';
    const amqp = new URL(vhost.url);
    amqp.hostname = gw;
    amqp.port = '5672';
    const common: Record<string, string> = {
      NODE_ENV: 'test',
      DATABASE_URL: dbUrl.toString(),
      DATABASE_SCHEMA: db.schema,
      REDIS_URL: `redis://${gw}:6379`,
      QUEUE_PREFIX: base,
      TOKEN_SECRET: 's'.repeat(40),
      FISCAL_CODE_HMAC_KEY: 'h'.repeat(40),
      // The balancer in front of the API hosts: links name it, not a host.
      PUBLIC_BASE_URL: 'https://guide.example.org',
      LOG_LEVEL: 'info',
      ...s3.env,
    };
    for (const host of [api1, api2]) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), `vg-${host.name}-`));
      apiVideoDirs.push(path.join(dir, 'videos'));
      start(host, 'api', 'system/api.ts', {
        ...common,
        HOST: '0.0.0.0',
        PORT: '3000',
        DATA_DIR: dir,
        VIDEO_DIR: path.join(dir, 'videos'),
        SPEECH_CACHE_DIR: path.join(dir, 'speech'),
      });
    }
    start(api1, 'intake', 'system/intake.ts', {
      ...common,
      DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'vg-intake-')),
      AMQP_URL: amqp.toString(),
      INTAKE_QUEUE: names.queue,
      INTAKE_DEAD_LETTER_EXCHANGE: names.deadExchange,
      INTAKE_DEAD_LETTER_QUEUE: names.dead,
      INTAKE_REPLY_EXCHANGE: names.reply,
      INTAKE_OUTCOMES: 'false',
      INTAKE_RECONNECT_MAX_MS: '1000',
    });
    for (const host of workers) {
      // A disk of its own per host: render cache, staging, speech cache (renderTestEnv's shared speech cache is replaced).
      const { env } = renderTestEnv(host.name, db.schema, fs.mkdtempSync(path.join(os.tmpdir(), `vg-${host.name}-cache-`)));
      start(host, 'worker', 'system/worker.ts', {
        ...env,
        ...common,
        SPEECH_CACHE_DIR: path.join(env.DATA_DIR!, 'speech'),
        RENDER_LOCK_DURATION: '10s',
        RENDER_CONCURRENCY: '1',
      });
    }
    const startedLine = { api: 'api listening', intake: 'intake consuming', worker: 'render worker started' } as Record<string, string>;
    for (const p of processes) {
      await waitFor(
        () => {
          if (p.child.exitCode !== null) throw new Error(`${p.role} on ${p.host.name} exited ${p.child.exitCode}: ${p.lines.slice(-5).join(' | ')}`);
          return p.lines.some((l) => l.includes(startedLine[p.role]!));
        },
        120_000,
        `the ${p.role} on ${p.host.name} to start`,
        200,
      );
    }
    // The upstream's result queue, bound before any message flows (docs/intake.md).
    const admin = new Connection({ url: vhost.url });
    try {
      await admin.queueDeclare({ queue: names.seen, durable: true });
      await admin.queueBind({ queue: names.seen, exchange: names.reply, routingKey: 'guide.#' });
    } finally {
      await admin.close();
    }
    queue = new Queue('render', { connection: { host: '127.0.0.1', port: 6379 }, prefix: base });
  }, 300_000);

  afterAll(async () => {
    network?.remove();
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
    await vhost?.remove();
    await s3?.close();
    if (db) await closeTestDatabase(db);
  });

  const hostsOn = (guideId: string, msg: string) => workers.filter((w) => logged(w, msg, guideId));

  it(
    'a guide from the broker, its worker host killed mid-render, is finished once by the other host and streamed with Range from the other API host',
    async () => {
      // One render proves both claims (a render costs minutes here): the guide the killed host
      // left is the one the other API host streams.
      const guide = await publishGuide('multi-host-1', 'multi-host-a');
      // Mid-render: started on a host, and some frames done.
      const victim = await waitFor(() => hostsOn(guide.id, 'render started')[0], RENDER_WAIT, `guide ${guide.id}'s render to start`, 200);
      await waitFor(
        async () => {
          const job = (await queue.getJobs(['active'])).find((j) => j.data?.guideId === guide.id);
          return typeof job?.progress === 'number' && job.progress >= 5;
        },
        RENDER_WAIT,
        `guide ${guide.id}'s render to be under way`,
        250,
      );
      expect((await getGuide(db, guide.id))?.status).not.toBe('ready');
      victim.kill();
      const survivor = workers.find((w) => w !== victim)!;

      await ready(guide.id);
      expect(hostsOn(guide.id, 'guide rendered')).toEqual([survivor]);
      expect(logged(survivor, 'render started', guide.id)).toBe(true);
      expect(logsOf(survivor).filter((l) => l.includes('"msg":"guide rendered"') && l.includes(guide.id))).toHaveLength(1);
      expect(await s3.guideFiles(guide.id)).toEqual(RENDER_OUTPUTS);
      // The guide row was created once for its message.
      expect((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM guides`))[0]!.n).toBe(1);

      // From the root namespace to api2's address (the Range request) and api1's, over the bridge.
      const media = (host: TestHost) => `http://${host.address}:3000/api/media/${guide.token}/video.mp4`;
      await expectStreamsStoredVideo(s3, guide.id, media(api2), media(api1));
      // The API hosts served it without a file of theirs: nothing under their video directories.
      for (const dir of apiVideoDirs) expect(fs.existsSync(dir) ? fs.readdirSync(dir) : []).toEqual([]);
    },
    2 * RENDER_WAIT + 120_000,
  );
});
