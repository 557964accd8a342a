/**
 * npm run bench:scale [-- --only intake --messages 20000 --duplicates 0.05 --consumers 1,2 --render eager|lazy]
 * The figures of growing past one machine (issue #18), one `name: value unit` line each. Each group
 * of figures is one entry of FIGURES below, run in order (`--only a,b` picks some); a group returns
 * its lines, so the worker figures (guides_per_hour_workers_N, the campaign model) join as another
 * entry without touching the others.
 *
 * intake: for each consumer count, `--messages` distinct guide envelopes (all six types) plus
 * `--duplicates` of them again (same message id and body, as a publisher's retry) are published,
 * persistent and confirmed, to a fresh intake queue on the real RabbitMQ (a vhost of the bench's
 * own); then that many `npm run intake` processes (system/intake.ts, its default settings; INTAKE_*
 * variables of the bench's environment pass through) drain it into PostgreSQL (a schema of the
 * bench's own): guides, tokens, outbox, render jobs (`--render`, eager by default) and a confirmed
 * result per message. The clock runs from the first consumer's "intake consuming" to the last
 * result on the reply exchange (each message is acknowledged right after its result). Prints
 * - intake_rate: envelopes per second with one consumer process;
 * - intake_rate_consumers_N: the same with N processes side by side on this machine;
 * - intake_duplicates_created: over every run, guides beyond one per distinct message, plus messages
 *   whose row points at no guide (must be 0).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Connection } from 'rabbitmq-client';
import { generateEnvelopes } from '../compositions/generator/generate';
import { migrate } from '../server/db/migrate';
import { closeTestDatabase, openTestDatabase, TEST_DATABASE_URL } from '../test/helpers/databases';
import { REDIS_URL } from '../test/helpers/api';
import { createTestVhost, testPublisher, uniqueName, waitFor, type TestVhost } from '../test/helpers/rabbitmq';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    messages: { type: 'string', default: '20000' },
    duplicates: { type: 'string', default: '0.05' },
    consumers: { type: 'string', default: '1,2' },
    render: { type: 'string', default: 'eager' },
  },
});
const say = (line: string) => process.stdout.write(`${line}\n`);
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

interface Figure {
  name: string;
  value: number | string;
  unit?: string;
}

/** User + system CPU seconds of the processes so far (Linux /proc; 0 elsewhere). */
function cpuSeconds(children: ChildProcess[]): number {
  let ticks = 0;
  for (const c of children) {
    try {
      const fields = fs.readFileSync(`/proc/${c.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      /* gone, or not Linux */
    }
  }
  return ticks / 100;
}

/** One run: a fresh queue and schema, the stream published, `consumers` intake processes draining it. */
async function intakeRun(vhost: TestVhost, consumers: number): Promise<{ rate: number; doubled: number }> {
  const distinct = Number(values.messages);
  const duplicates = Math.round(distinct * Number(values.duplicates));
  const base = uniqueName('bench-scale');
  const db = await openTestDatabase('postgres', `bench_scale_${consumers}`);
  await migrate(db);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vg-bench-scale-'));
  const names = { queue: `${base}.guides`, dlx: `${base}.dead-letter`, dlq: `${base}.dead`, reply: `${base}.results` };
  const results = `${base}.results-seen`;
  const admin = new Connection({ url: vhost.url });
  admin.on('error', () => undefined);
  const children: ChildProcess[] = [];
  try {
    // The topology the intake declares, made here so the stream can wait on the queue beforehand.
    await admin.queueDeclare({ queue: names.queue, durable: true, arguments: { 'x-dead-letter-exchange': names.dlx } });
    await admin.exchangeDeclare({ exchange: names.reply, type: 'topic', durable: true });
    await admin.queueDeclare({ queue: results, durable: true });
    await admin.queueBind({ queue: results, exchange: names.reply, routingKey: 'guide.#' });

    const envelopes = [...generateEnvelopes('all', distinct, base)];
    const messages = envelopes.map((e, i) => ({ envelope: { routingKey: names.queue, messageId: `bench-${i}`, durable: true }, body: e }));
    const stream = [...messages];
    const step = Math.max(1, Math.floor(distinct / Math.max(1, duplicates)));
    for (let k = 0; k < duplicates; k++) stream.splice(Math.min(stream.length, (k + 1) * step + k + 1), 0, messages[(k * step) % distinct]!);
    const pub = testPublisher(vhost.url);
    const published = performance.now();
    await pub.publishAll(stream);
    await pub.close();
    say(
      `# ${stream.length} messages (${distinct} distinct, ${duplicates} again) published in ${((performance.now() - published) / 1000).toFixed(1)} s; ${consumers} consumer process(es); render ${values.render}`,
    );

    // INTAKE_* variables of the bench's environment tune the consumers as they would `npm run intake`.
    const tuning = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[0].startsWith('INTAKE_') && e[1] !== undefined));
    const env = {
      ...process.env,
      ...tuning,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DATA_DIR: dataDir,
      PUBLIC_BASE_URL: 'https://guide.example.org',
      DATABASE_URL: TEST_DATABASE_URL,
      DATABASE_SCHEMA: db.schema,
      REDIS_URL,
      QUEUE_PREFIX: base,
      TOKEN_SECRET: 's'.repeat(40),
      FISCAL_CODE_HMAC_KEY: 'h'.repeat(40),
      AMQP_URL: vhost.url,
      INTAKE_QUEUE: names.queue,
      INTAKE_DEAD_LETTER_EXCHANGE: names.dlx,
      INTAKE_DEAD_LETTER_QUEUE: names.dlq,
      INTAKE_REPLY_EXCHANGE: names.reply,
      INTAKE_RENDER_POLICY: values.render === 'lazy' ? 'lazy' : 'eager',
    };
    let started: number | undefined;
    let cpuAtStart = 0;
    for (let i = 0; i < consumers; i++) {
      const child = spawn(
        process.execPath,
        [...(process.env.BENCH_CHILD_ARGS ?? '').split(' ').filter(Boolean), '--import', 'tsx', path.join(ROOT, 'system/intake.ts')],
        { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] },
      );
      children.push(child);
      child.stdout!.setEncoding('utf8').on('data', (d: string) => {
        if (started === undefined && d.includes('"intake consuming"')) {
          started = performance.now();
          cpuAtStart = cpuSeconds(children);
        }
      });
    }
    const answered = async () => (await admin.queueDeclare({ queue: results, passive: true })).messageCount;
    await waitFor(async () => started !== undefined && (await answered()) >= stream.length, 30 * 60_000, 'a result for every message', 20);
    const seconds = (performance.now() - started!) / 1000;
    const cpu = cpuSeconds(children) - cpuAtStart;
    const n = async (sql: string) => Number((await db.query<{ n: number }>(sql))[0]!.n);
    const guides = await n('SELECT count(*)::int AS n FROM guides');
    const orphans = await n('SELECT count(*)::int AS n FROM intake_messages WHERE guide_id IS NULL');
    // CPU the consumer processes used per envelope: what one free core would allow, on a busy machine too.
    say(
      `# ${consumers} consumer(s): ${guides} guides, ${await n('SELECT count(*)::int AS n FROM intake_messages')} message rows in ${seconds.toFixed(1)} s; consumer CPU ${((cpu * 1000) / stream.length).toFixed(2)} ms per envelope; load average ${os.loadavg()[0]!.toFixed(1)}`,
    );
    return { rate: Math.round(stream.length / seconds), doubled: Math.max(0, guides - distinct) + orphans };
  } finally {
    await Promise.all(
      children.map((c) => new Promise<void>((resolve) => (c.exitCode !== null ? resolve() : (c.once('exit', () => resolve()), c.kill('SIGTERM'))))),
    );
    for (const q of [names.queue, names.dlq, results]) await admin.queueDelete({ queue: q }).catch(() => undefined);
    for (const x of [names.dlx, names.reply]) await admin.exchangeDelete({ exchange: x }).catch(() => undefined);
    await admin.close();
    // The render jobs the run queued, under its own prefix.
    const { Redis } = await import('ioredis');
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${base}:*`);
    for (let i = 0; i < keys.length; i += 1000) await redis.del(...keys.slice(i, i + 1000));
    redis.disconnect();
    await closeTestDatabase(db);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function intakeFigures(): Promise<Figure[]> {
  const vhost = await createTestVhost('bench-scale');
  try {
    const out: Figure[] = [];
    let doubled = 0;
    for (const consumers of values.consumers.split(',').map(Number)) {
      const r = await intakeRun(vhost, consumers);
      doubled += r.doubled;
      out.push({ name: consumers === 1 ? 'intake_rate' : `intake_rate_consumers_${consumers}`, value: r.rate, unit: 'envelopes/s' });
    }
    out.push({ name: 'intake_duplicates_created', value: doubled, unit: 'guides' });
    return out;
  } finally {
    await vhost.remove();
  }
}

/** Each group of figures, in the order they run. */
const FIGURES: Record<string, () => Promise<Figure[]>> = {
  intake: intakeFigures,
};

const chosen = values.only ? values.only.split(',').map((s) => s.trim()) : Object.keys(FIGURES);
for (const name of chosen) {
  const run = FIGURES[name];
  if (!run) throw new Error(`--only: expected one of ${Object.keys(FIGURES).join(', ')}, got "${name}"`);
  for (const f of await run()) say(`${f.name}: ${f.value}${f.unit ? ` ${f.unit}` : ''}`);
}
process.exit(0);
