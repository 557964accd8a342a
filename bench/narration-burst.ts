/**
 * npm run bench:narration-burst [-- --count 20 --type naspi --phase today|ahead|both]
 * Issue #16, point 3: `count` fresh citizens of a lazy campaign open their links at the same moment,
 * against the real API (real HTTP, the real engine: Festival for Italian), side by side in one run:
 *  - today: nothing narrated ahead, the API synthesises each guide at its first access;
 *  - ahead: the guides were narrated by a narrator process (`tsx system/narrator.ts`, the real process
 *    with the API's configuration: same database schema, queue and SPEECH_CACHE_DIR) before the burst.
 * Each phase has its own API, database schema and speech cache, warmed by one earlier citizen of the
 * type (the sentences without personal data are on disk, as on a running installation).
 * A citizen: GET /api/access/:token (the manifest), then, while it says pending, GET …/narrated, then
 * the first scene's audio (Opus, what the player fetches first). "narration ready" = from the manifest
 * request to that audio's last byte.
 * CPU: the whole process tree's (utime+stime of the process, its live descendants — Festival's
 * sessions — and its waited-for children — eSpeak NG, ffmpeg), from /proc, per citizen: the API's
 * during the burst, and the narrator process's from ready to its last job.
 * Prints `name: value unit` lines.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { GuideType } from '../compositions/common/envelope';
import { generateEnvelopes } from '../compositions/generator/generate';
import { versionOf } from '../compositions/guide-types';
import { narrationJobId } from '../server/queues';
import { startNarrationApi, uploadCampaign, type NarrationApi } from '../test/helpers/narrator-env';

process.env.LOG_LEVEL ??= 'warn';
const { values } = parseArgs({
  options: { count: { type: 'string', default: '20' }, type: { type: 'string', default: 'naspi' }, phase: { type: 'string', default: 'both' } },
});
if (!['today', 'ahead', 'both'].includes(values.phase)) throw new Error(`--phase: expected today, ahead or both, got ${values.phase}`);
const COUNT = Number(values.count);
const TYPE = values.type as GuideType;
const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const TICK = 100; // USER_HZ on Linux
const out: [string, string, string][] = [];
const line = (name: string, value: number | string, unit: string, digits = 0) =>
  out.push([name, typeof value === 'number' ? value.toFixed(digits) : value, unit]);

/** CPU seconds of a process, its waited-for children and its live descendants. */
function treeCpuSeconds(pid: number): number {
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const s = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
      // After the command: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14)
      stats.set(Number(entry), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]) });
    } catch {
      /* gone meanwhile */
    }
  }
  let ticks = 0;
  const todo = [pid];
  while (todo.length) {
    const p = todo.pop()!;
    ticks += stats.get(p)?.ticks ?? 0;
    for (const [child, s] of stats) if (s.ppid === p) todo.push(child);
  }
  return ticks / TICK;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};

const envelopes = (seed: string, n: number) => [...generateEnvelopes(TYPE, n, seed)].map((e) => ({ ...(e as object), locale: 'it' }));

type Manifest = { narrationStatus: string; narration: { audio?: Record<string, string> } | null };

/** One citizen opening the link: manifest, narration, first scene's audio. Milliseconds. */
async function citizen(api: NarrationApi, token: string): Promise<{ manifestMs: number; readyMs: number; status: string }> {
  const t0 = performance.now();
  let m = (await (await fetch(`${api.url}/api/access/${token}`)).json()) as Manifest;
  const manifestMs = performance.now() - t0;
  // …/narrated waits up to 60 s; a page still pending asks again (today's burst can exceed it).
  for (let i = 0; m.narrationStatus === 'pending' && i < 10; i++) m = (await (await fetch(`${api.url}/api/access/${token}/narrated`)).json()) as Manifest;
  const first = m.narration?.audio ? Object.values(m.narration.audio)[0] : undefined;
  if (m.narrationStatus !== 'ready' || !first) return { manifestMs, readyMs: performance.now() - t0, status: m.narrationStatus };
  const audio = await fetch(`${api.url}${first}`);
  await audio.arrayBuffer();
  return { manifestMs, readyMs: performance.now() - t0, status: audio.ok ? 'ready' : `audio ${audio.status}` };
}

/** One earlier citizen of the type, opened through the API: its shared sentences are then on disk. */
async function warm(api: NarrationApi, seed: string): Promise<void> {
  const { guides } = await uploadCampaign(api, { guideType: TYPE, renderPolicy: 'eager' }, envelopes(`${seed}-warm`, 1));
  const r = await citizen(api, guides[0]!.token);
  if (r.status !== 'ready') throw new Error(`warm-up narration: ${r.status}`);
}

/** Every citizen opening their link at once; the API's syntheses counted are the burst's own (not the warm-up's). */
async function burst(api: NarrationApi, tokens: string[], name: string): Promise<void> {
  const synthesized0 = api.cache.stats.synthesized;
  const cpu0 = treeCpuSeconds(process.pid);
  const t0 = performance.now();
  const results = await Promise.all(tokens.map((t) => citizen(api, t)));
  const wallS = (performance.now() - t0) / 1000;
  const apiCpu = treeCpuSeconds(process.pid) - cpu0;
  const notReady = results.filter((r) => r.status !== 'ready').length;
  if (notReady) throw new Error(`${name}: ${notReady} of ${tokens.length} citizens got no narration`);
  const m = results.map((r) => r.manifestMs);
  const n = results.map((r) => r.readyMs);
  line(`${name}_manifest_p50_ms`, pct(m, 50), 'ms');
  line(`${name}_manifest_p95_ms`, pct(m, 95), 'ms');
  line(`${name}_narration_ready_p50_s`, pct(n, 50) / 1000, 's', 2);
  line(`${name}_narration_ready_p95_s`, pct(n, 95) / 1000, 's', 2);
  line(`${name}_burst_wall_s`, wallS, 's', 2);
  line(`${name}_api_cpu_per_citizen_s`, apiCpu / tokens.length, 's', 3);
  line(`${name}_api_syntheses`, api.cache.stats.synthesized - synthesized0, 'clips');
}

const stamp = Date.now().toString(36);
const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vg-bench-burst-'));
process.stdout.write(
  `# ${COUNT} fresh ${TYPE} citizens at once; logs in ${logDir}; load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}\n`,
);

// Today: the API narrates each guide at its first access.
if (values.phase !== 'ahead') {
  const api = await startNarrationApi({ label: `bench_burst_today_${stamp}`, logFile: path.join(logDir, 'api-today.log'), env: { LOG_LEVEL: 'info' } });
  try {
    await warm(api, 'today');
    const { guides } = await uploadCampaign(api, { guideType: TYPE, renderPolicy: 'lazy' }, envelopes('burst-today', COUNT));
    // Nobody narrates them ahead: the jobs wait in a queue no narrator reads.
    await burst(
      api,
      guides.map((g) => g.token),
      'today',
    );
  } finally {
    await api.close();
  }
}

// Ahead: the narrator process narrated every guide before the burst.
if (values.phase !== 'today') {
  const api = await startNarrationApi({ label: `bench_burst_ahead_${stamp}`, logFile: path.join(logDir, 'api-ahead.log'), env: { LOG_LEVEL: 'info' } });
  const narratorLog = path.join(logDir, 'narrator.log');
  const child = spawn(path.join(REPO, 'node_modules', '.bin', 'tsx'), ['system/narrator.ts'], {
    cwd: REPO,
    env: { ...process.env, ...api.env, LOG_LEVEL: 'info' },
    stdio: ['ignore', fs.openSync(narratorLog, 'a'), fs.openSync(narratorLog, 'a')],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const until = async (check: () => boolean | Promise<boolean>, ms: number, what: string) => {
      const deadline = Date.now() + ms;
      while (!(await check())) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`waiting for ${what} (narrator log: ${narratorLog})`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    await until(() => fs.readFileSync(narratorLog, 'utf8').includes('narrator started'), 120_000, 'the narrator to start');
    await warm(api, 'ahead');
    const cpu0 = treeCpuSeconds(child.pid!);
    const t0 = performance.now();
    const { guides } = await uploadCampaign(api, { guideType: TYPE, renderPolicy: 'lazy' }, envelopes('burst-ahead', COUNT));
    const jobs = guides.map((g) => narrationJobId(g.id, versionOf(TYPE)));
    await until(
      async () => (await Promise.all(jobs.map(async (j) => (await api.narrationQueue.getJob(j))?.getState()))).every((s) => s === 'completed'),
      1_800_000,
      'every narration job',
    );
    const narratorWallS = (performance.now() - t0) / 1000;
    const narratorCpu = treeCpuSeconds(child.pid!) - cpu0;
    const narrated = fs
      .readFileSync(narratorLog, 'utf8')
      .split('\n')
      .filter((l) => l.includes('"narrated ahead"'))
      .map((l) => JSON.parse(l) as { ms: number; encodeMs: number; cpuMs: number; synthesized: number });
    await burst(
      api,
      guides.map((g) => g.token),
      'ahead',
    );
    line('narrator_guides', narrated.length, 'guides');
    line('narrator_wall_per_guide_s', narrated.reduce((s, n) => s + n.ms, 0) / narrated.length / 1000, 's', 2);
    line('narrator_opus_encode_wall_per_guide_s', narrated.reduce((s, n) => s + n.encodeMs, 0) / narrated.length / 1000, 's', 2);
    line('narrator_throughput_guides_per_min', (narrated.length / narratorWallS) * 60, 'guides/min', 1);
    line('narrator_syntheses_per_guide', narrated.reduce((s, n) => s + n.synthesized, 0) / narrated.length, 'clips', 1);
    line('narrator_process_cpu_per_guide_s', narrated.reduce((s, n) => s + n.cpuMs, 0) / narrated.length / 1000, 's', 3);
    line('narrator_tree_cpu_per_guide_s', narratorCpu / guides.length, 's', 3);
  } finally {
    child.kill('SIGTERM');
    await exited;
    await api.close();
  }
}
line('load_average_1m', os.loadavg()[0]!, '', 1);
process.stdout.write(out.map(([n, v, u]) => `${n}: ${v}${u ? ` ${u}` : ''}`).join('\n') + '\n');
fs.rmSync(logDir, { recursive: true, force: true });
