/**
 * npm run bench:scale [-- --only intake,workers --messages 20000 --duplicates 0.05 --consumers 1,2 --render eager|lazy
 *                         --workers 1,2,4 --guides-per-worker 1 --type pensione --campaign 650000 --view-rate 0.15 --window-days 7]
 * The figures of growing past one machine (issue #18), one `name: value unit` line each. Each group
 * of figures is one entry of FIGURES below, run in order (`--only a,b` picks some); a group returns
 * its lines. Without `--only`, every group runs, unless some group's own options are given: then only
 * the groups whose options are given run (`--messages 60 --consumers 1` is the intake alone, as the
 * smoke run in test/bench-smoke.test.ts asks; `--workers 1` the workers alone).
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
 *
 * workers: first a warm-up, untimed: one `npm run worker` process renders one guide of `--type`
 * (another citizen) from an empty render cache and speech cache, and builds the Remotion bundle.
 * Then for each count N of `--workers`: a fresh schema and queue prefix, N `npm run worker`
 * processes (system/worker.ts, its default settings; RENDER_* variables of the bench's environment
 * pass through) side by side on this machine, each with a DATA_DIR, VIDEO_DIR, RENDER_CACHE_DIR and
 * SPEECH_CACHE_DIR of its own, the caches copies of the warm-up's (a worker host that has rendered
 * before, or that took the shared segments from the media store: the campaign's steady state);
 * once every one has started, N × `--guides-per-worker` guides are created with createGuide (what
 * POST /api/guides does: guide, tokens and outbox in one transaction, then the render job) and
 * rendered for real: narration, Chrome layers, ffmpeg compositing, published to the local store,
 * marked ready. The clock runs from the first job taken (BullMQ's processedOn) to the last guide's
 * rendered_at. Prints
 * - guides_per_hour_workers_N: guides / that clock, with N processes on this machine;
 * - cpu_seconds_per_guide_workers_N: user + system CPU of the N workers' process trees (Node,
 *   Chromium, ffmpeg, the speech engines) from the moment all had started to the last guide ready,
 *   per guide; cpu_seconds_per_guide: the same over every run;
 * - the campaign model: for `--campaign` guides whose letters go out over `--window-days` (workers
 *   render 24 h a day), worker-hours and hosts like this one at the best N measured, eager (every
 *   guide rendered) and lazy (only guides opened, `--view-rate` of them: 15% in the institute's
 *   NASpI figures, ../shared/seeds/004 and docs/metrics.md); core-hours from the CPU per guide.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { Connection } from 'rabbitmq-client';
import type { GenerateType } from '../compositions/generator/generate';
import { generateEnvelopes } from '../compositions/generator/generate';
import { guideSchema, publicPart, storyboardOf } from '../compositions/guide-types';
import { loadConfig } from '../server/config';
import type { Database } from '../server/db/database';
import { migrate } from '../server/db/migrate';
import { createGuide } from '../server/guides/create-guide';
import { checkEnvelope } from '../server/guides/prepare';
import { createLogger } from '../server/logger';
import { createRenderQueue } from '../server/queues';
import { closeTestDatabase, openTestDatabase, TEST_DATABASE_URL } from '../test/helpers/databases';
import { REDIS_URL } from '../test/helpers/api';
import { createTestVhost, testPublisher, uniqueName, waitFor, type TestVhost } from '../test/helpers/rabbitmq';

/** Each group's own options: giving any of them (and no --only) runs that group alone. */
const GROUP_OPTIONS = {
  intake: ['messages', 'duplicates', 'consumers', 'render'],
  workers: ['workers', 'guides-per-worker', 'type', 'campaign', 'view-rate', 'window-days'],
} as const;
const { values, tokens } = parseArgs({
  tokens: true,
  options: {
    only: { type: 'string' },
    messages: { type: 'string', default: '20000' },
    duplicates: { type: 'string', default: '0.05' },
    consumers: { type: 'string', default: '1,2' },
    render: { type: 'string', default: 'eager' },
    workers: { type: 'string', default: '1,2,4' },
    'guides-per-worker': { type: 'string', default: '1' },
    type: { type: 'string', default: 'pensione' },
    campaign: { type: 'string', default: '650000' },
    'view-rate': { type: 'string', default: '0.15' },
    'window-days': { type: 'string', default: '7' },
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

/**
 * User + system CPU seconds of the process trees under `roots` (Linux /proc): each live process's
 * own time plus what its reaped children used (cutime, cstime), so an ffmpeg that came and went
 * still counts, through the process that waited for it.
 */
function treeCpuSeconds(roots: number[]): number {
  const parent = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = fs.readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ');
      parent.set(Number(entry), Number(fields[1]));
      ticks.set(Number(entry), Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]));
    } catch {
      /* gone meanwhile */
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p: number | undefined = pid, hops = 0; p !== undefined && p > 1 && hops < 64; p = parent.get(p), hops++) if (roots.includes(p)) return true;
    return false;
  };
  let total = 0;
  for (const [pid, t] of ticks) if (inTree(pid)) total += t;
  return total / 100;
}

interface WorkerRun {
  workers: number;
  guides: number;
  videoSeconds: number;
  seconds: number;
  cpu: number;
  renderMs: number[];
}

/**
 * `workers` render-worker processes, each with its own directories (`caches` copied from `from`,
 * or used as they are when `from` is undefined), render `envelopes` created through createGuide.
 */
async function workersRun(
  label: string,
  workers: number,
  envelopes: unknown[],
  dirs: { root: string; bundle: string; from?: { cache: string; speech: string } },
) {
  const base = uniqueName(`bench-workers-${label}`);
  const db = await openTestDatabase('postgres', `bench_workers_${label}`);
  await migrate(db);
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const renderQueue = createRenderQueue(redis, base);
  const children: ChildProcess[] = [];
  const renderMs: number[] = [];
  const runDir = fs.mkdtempSync(path.join(dirs.root, `${label}-`));
  try {
    let started = 0;
    for (let i = 0; i < workers; i++) {
      const own = path.join(runDir, `worker-${i}`);
      const cache = dirs.from ? path.join(own, 'render-cache') : path.join(dirs.root, 'warm-render-cache');
      const speech = dirs.from ? path.join(own, 'speech-cache') : path.join(dirs.root, 'warm-speech-cache');
      if (dirs.from) {
        fs.cpSync(dirs.from.cache, cache, { recursive: true });
        fs.cpSync(dirs.from.speech, speech, { recursive: true });
      }
      const env = {
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'info',
        DATA_DIR: path.join(own, 'data'),
        VIDEO_DIR: path.join(own, 'videos'),
        RENDER_CACHE_DIR: cache,
        SPEECH_CACHE_DIR: speech,
        // Keyed by a hash of the code: every worker (and bench:render) can share the bundles.
        BUNDLE_CACHE_DIR: dirs.bundle,
        BROWSER_EXECUTABLE: process.env.BROWSER_EXECUTABLE ?? '/usr/bin/chromium',
        DATABASE_URL: TEST_DATABASE_URL,
        DATABASE_SCHEMA: db.schema,
        REDIS_URL,
        QUEUE_PREFIX: base,
      };
      // Its own process group: stopping the run ends its Chromium and ffmpeg too.
      const child = spawn(
        process.execPath,
        [...(process.env.BENCH_CHILD_ARGS ?? '').split(' ').filter(Boolean), '--import', 'tsx', path.join(ROOT, 'system/worker.ts')],
        { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'], detached: true },
      );
      children.push(child);
      let pending = '';
      child.stdout!.setEncoding('utf8').on('data', (d: string) => {
        pending += d;
        const lines = pending.split('\n');
        pending = lines.pop()!;
        for (const l of lines) {
          if (l.includes('"render worker started"')) started++;
          const ms = /"ms":(\d+).*"guide rendered"/.exec(l);
          if (ms) renderMs.push(Number(ms[1]));
        }
      });
    }
    await until(
      () => {
        const dead = children.find((c) => c.exitCode !== null);
        if (dead) throw new Error(`a render worker exited (code ${dead.exitCode}) before it started`);
        return started === workers;
      },
      5 * 60_000,
      'every render worker to start',
    );
    const roots = children.map((c) => c.pid!);
    const cpuAtStart = treeCpuSeconds(roots);

    // The guides, as POST /api/guides makes them: guide, tokens and outbox, then the render job.
    const config = loadConfig({ NODE_ENV: 'test', PUBLIC_BASE_URL: 'https://guide.example.org' });
    const ctx = {
      config,
      db,
      secrets: { fiscalCodeHmacKey: 'h'.repeat(40), tokenSecret: 's'.repeat(40) },
      renderQueue,
      logger: createLogger({ level: 'warn' }),
    };
    const ids: string[] = [];
    for (const e of envelopes) {
      const checked = checkEnvelope(e);
      if (!checked.ok) throw new Error(`generated envelope refused: ${JSON.stringify(checked.errors)}`);
      const g = await createGuide(ctx, checked.envelope, { notify: false });
      if (g.heldOut || g.status !== 'queued') throw new Error(`guide ${g.id} is ${g.status}${g.heldOut ? ' (held out)' : ''}, not queued`);
      ids.push(g.id);
    }
    const states = async () => db.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM guides GROUP BY status');
    await until(
      async () => {
        const s = await states();
        const failed = s.find((r) => r.status === 'failed');
        if (failed)
          throw new Error(`${failed.n} guide(s) failed: ${JSON.stringify(await db.query('SELECT status_reason FROM guides WHERE status = $1', ['failed']))}`);
        if (children.some((c) => c.exitCode !== null)) throw new Error('a render worker exited during the run');
        return s.find((r) => r.status === 'ready')?.n === ids.length;
      },
      3 * 3600_000,
      `${ids.length} guides ready`,
    );
    const cpu = treeCpuSeconds(roots) - cpuAtStart;
    const jobs = await renderQueue.getJobs(['completed']);
    const firstTaken = Math.min(...jobs.map((j) => j.processedOn ?? Infinity));
    const { last, frames } = (
      await db.query<{ last: Date; frames: number }>(`SELECT max(rendered_at) AS last, sum(duration_frames)::int AS frames FROM guides WHERE status = 'ready'`)
    )[0]!;
    if (jobs.length !== ids.length || !Number.isFinite(firstTaken)) throw new Error(`${jobs.length} completed jobs for ${ids.length} guides`);
    return {
      workers,
      guides: ids.length,
      videoSeconds: frames / 30,
      seconds: (new Date(last).getTime() - firstTaken) / 1000,
      cpu,
      renderMs,
    } satisfies WorkerRun;
  } finally {
    await Promise.all(
      children.map(
        (c) =>
          new Promise<void>((resolve) => {
            const kill = setTimeout(() => {
              try {
                process.kill(-c.pid!, 'SIGKILL');
              } catch {
                /* gone */
              }
            }, 40_000);
            const done = () => {
              clearTimeout(kill);
              // Whatever of its group outlived it (a Chromium helper).
              try {
                process.kill(-c.pid!, 'SIGKILL');
              } catch {
                /* gone */
              }
              resolve();
            };
            if (c.exitCode !== null || c.signalCode !== null) done();
            else {
              c.once('exit', done);
              c.kill('SIGTERM');
            }
          }),
      ),
    );
    await renderQueue.close();
    await deletePrefix(redis, base);
    redis.disconnect();
    await closeTestDatabase(db as Database);
    fs.rmSync(runDir, { recursive: true, force: true });
  }
}

async function until(check: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function deletePrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
}

const videoSecondsOf = (envelopes: unknown[]) =>
  envelopes.reduce<number>((t, e) => t + storyboardOf(guideSchema.parse(publicPart(e as never))).durationInFrames / 30, 0);

async function workersFigures(): Promise<Figure[]> {
  const type = values.type as GenerateType;
  const counts = values.workers.split(',').map(Number);
  const perWorker = Number(values['guides-per-worker']);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'vg-bench-workers-'));
  const bundle = process.env.BUNDLE_CACHE_DIR ?? path.join(os.tmpdir(), 'videoguida-bench-bundles');
  const out: Figure[] = [];
  try {
    // The warm-up: another citizen, from empty caches (its bundle, base loops, shared scenes and clips stay).
    const t0 = performance.now();
    const warm = await workersRun('warmup', 1, [...generateEnvelopes(type, 1, 'bench-workers-warmup')], { root, bundle });
    say(
      `# warm-up: 1 ${type} guide (${warm.videoSeconds.toFixed(0)} s of video) from empty caches, rendered in ${warm.seconds.toFixed(1)} s (${((performance.now() - t0) / 1000).toFixed(1)} s with start-up); CPU ${warm.cpu.toFixed(0)} s`,
    );
    const from = { cache: path.join(root, 'warm-render-cache'), speech: path.join(root, 'warm-speech-cache') };
    // The same citizens in every run (the first N × guides-per-worker of one list), from the same warm state.
    const all = [...generateEnvelopes(type, Math.max(...counts) * perWorker, 'bench-workers')];
    const runs: WorkerRun[] = [];
    for (const n of counts) {
      const envelopes = all.slice(0, n * perWorker);
      say(
        `# ${n} worker(s), ${envelopes.length} ${type} guide(s): ${videoSecondsOf(envelopes).toFixed(0)} s of video by the storyboards (the narration sets the final length)`,
      );
      const r = await workersRun(`n${n}`, n, envelopes, { root, bundle, from });
      runs.push(r);
      const per = r.renderMs.map((ms) => (ms / 1000).toFixed(0)).join(', ');
      say(
        `# ${n} worker(s): ${r.guides} guides (${r.videoSeconds.toFixed(0)} s of video) ready in ${r.seconds.toFixed(1)} s from the first job taken; each guide's render ${per} s; CPU ${(r.cpu / r.guides).toFixed(0)} s per guide; load average ${os.loadavg()[0]!.toFixed(1)}`,
      );
      out.push({ name: `guides_per_hour_workers_${n}`, value: ((r.guides / r.seconds) * 3600).toFixed(1), unit: 'guides/h' });
    }
    for (const r of runs) out.push({ name: `cpu_seconds_per_guide_workers_${r.workers}`, value: (r.cpu / r.guides).toFixed(0), unit: 's' });
    const cpuPerGuide = runs.reduce((t, r) => t + r.cpu, 0) / runs.reduce((t, r) => t + r.guides, 0);
    out.push({ name: 'cpu_seconds_per_guide', value: cpuPerGuide.toFixed(0), unit: 's' });

    // The campaign model (docs/deployment.md, "Sizing"): hosts like this one, each running the best N measured.
    const best = runs.reduce((a, b) => (b.guides / b.seconds > a.guides / a.seconds ? b : a));
    const hostPerHour = (best.guides / best.seconds) * 3600;
    const campaign = Number(values.campaign);
    const viewRate = Number(values['view-rate']);
    const windowHours = Number(values['window-days']) * 24;
    const cores = os.cpus().length;
    say(
      `# model: ${campaign} guides, letters out over ${values['window-days']} days, workers rendering 24 h a day; a host = this 2-core machine with ${best.workers} worker(s) (its best measured: ${hostPerHour.toFixed(1)} guides/h); lazy renders only the guides opened, ${viewRate * 100}% (the institute's NASpI figure, seed 004)`,
    );
    out.push({ name: 'campaign_guides', value: campaign, unit: 'guides' });
    out.push({ name: 'campaign_window', value: Number(values['window-days']), unit: 'days' });
    out.push({ name: 'campaign_view_rate', value: viewRate, unit: 'of guides opened' });
    out.push({ name: 'campaign_host_guides_per_hour', value: hostPerHour.toFixed(1), unit: `guides/h (${best.workers} workers)` });
    for (const [policy, rendered] of [
      ['eager', campaign],
      ['lazy', Math.round(campaign * viewRate)],
    ] as const) {
      const hostHours = rendered / hostPerHour;
      out.push({ name: `campaign_renders_${policy}`, value: rendered, unit: 'guides' });
      out.push({ name: `campaign_worker_hours_${policy}`, value: Math.round(hostHours * best.workers), unit: 'worker-h' });
      out.push({ name: `campaign_host_hours_${policy}`, value: Math.round(hostHours), unit: 'host-h' });
      out.push({ name: `campaign_hosts_${policy}`, value: Math.ceil(hostHours / windowHours), unit: 'hosts' });
      const coreHours = (rendered * cpuPerGuide) / 3600;
      out.push({ name: `campaign_core_hours_${policy}`, value: Math.round(coreHours), unit: 'core-h' });
      // The same hosts if every core rendered flat out: the bound CPU time sets, whatever else ran here.
      out.push({ name: `campaign_hosts_${policy}_cpu_bound`, value: Math.ceil(coreHours / (cores * windowHours)), unit: `hosts (${cores} cores each)` });
    }
    return out;
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** Each group of figures, in the order they run. */
const FIGURES: Record<string, () => Promise<Figure[]>> = {
  intake: intakeFigures,
  workers: workersFigures,
};

const given = new Set(tokens.filter((t) => t.kind === 'option').map((t) => t.name));
const named = Object.entries(GROUP_OPTIONS)
  .filter(([, options]) => options.some((o) => given.has(o)))
  .map(([group]) => group);
const chosen = values.only ? values.only.split(',').map((s) => s.trim()) : named.length ? named : Object.keys(FIGURES);
for (const name of chosen) {
  const run = FIGURES[name];
  if (!run) throw new Error(`--only: expected one of ${Object.keys(FIGURES).join(', ')}, got "${name}"`);
  for (const f of await run()) say(`${f.name}: ${f.value}${f.unit ? ` ${f.unit}` : ''}`);
}
process.exit(0);
