import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storyboardOf } from '../compositions/guide-types';
import { openDatabase, type Database } from '../server/db/database';
import { getGuide } from '../server/db/guides';
import { migrate } from '../server/db/migrate';
import { createLogger } from '../server/logger';
import { createRenderQueue, enqueueRenders, renderJobId } from '../server/queues';
import { ffprobeJson } from '../render-worker/ffmpeg';
import { startRenderWorker } from '../render-worker/start';
import { framePsnr } from '../render-worker/psnr';
import { renderGuide } from '../render-worker/render-guide';
import { measureLoudness } from '../speech/loudness';
import { closeTestDatabase, TEST_DATABASE_URL, uniqueSchema } from './helpers/databases';
import { flushPrefix, guideOf, RENDER_OUTPUTS, renderTestEnv, storeGuide, TEST_BUNDLE_DIR, waitFor } from './helpers/render-env';
import { ensureBundle } from '../render-worker/bundle';

const schema = uniqueSchema('render_worker');
// Cold renders of the shortest guide type (invalidità, about 95 s of video): the worker's guarantees do
// not depend on the type, and a 250 s pension guide made this file most of CI's time (513 s at a load
// of 7). Wait for outcomes up to 15 minutes all the same: a loaded machine is slow, not wrong.
const RENDER_WAIT = 900_000;
const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vg-render-cache-'));
const { env, config } = renderTestEnv('worker', schema, cacheDir);
// Shared sentence clips across test files, like the render cache's bundles.
const logger = createLogger({ level: 'warn' });
let db: Database;
let redis: Redis;

const queue = () => createRenderQueue(redis, config.queuePrefix);
const outputsOf = (id: string) => path.join(config.videoDir, id);

async function enqueue(id: string, version: string) {
  const q = queue();
  await enqueueRenders(q, [{ guideId: id, typeVersion: version, priority: 0 }]);
  await q.close();
}

/** A guide of `type` stored under `ref`, its render enqueued. */
async function queuedGuide(type: Parameters<typeof guideOf>[0], seed: string, ref: string) {
  const guide = guideOf(type, seed);
  const row = await storeGuide(db, guide, ref);
  await enqueue(row.id, row.type_version);
  return { guide, row };
}

const untilStatus = (id: string, status: string, ms: number, what: string) => waitFor(async () => (await getGuide(db, id))?.status === status, ms, what);

/** An in-process render worker for the length of `during`. */
async function withWorker<T>(during: (running: Awaited<ReturnType<typeof startRenderWorker>>) => Promise<T>): Promise<T> {
  const running = await startRenderWorker({ config, db, logger, redisUrl: config.redisUrl });
  try {
    return await during(running);
  } finally {
    await running.close();
  }
}

async function frameCount(file: string): Promise<number> {
  const p = await ffprobeJson(file, ['-count_frames', '-select_streams', 'v', '-show_streams']);
  return Number(p.streams[0].nb_read_frames);
}

/** Silent stretches of a file's audio, in seconds. */
function silences(file: string): Promise<[number, number][]> {
  return new Promise((resolve, reject) => {
    const child = spawn('ffmpeg', ['-hide_banner', '-nostats', '-i', file, '-vn', '-af', 'silencedetect=noise=-45dB:d=0.3', '-f', 'null', '-'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', () => resolve([...err.matchAll(/silence_start: (-?[\d.]+)[\s\S]*?silence_end: ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])])));
  });
}

function spawnWorker(): ChildProcess {
  // Its own process group, so SIGKILL reaches Chromium and ffmpeg too, like a machine dying.
  return spawn('npx', ['tsx', 'system/worker.ts'], { env: { ...process.env, ...env }, stdio: 'ignore', detached: true });
}
const killGroup = (child: ChildProcess, signal: NodeJS.Signals) => {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    /* already gone */
  }
};

beforeAll(async () => {
  db = await openDatabase({ url: TEST_DATABASE_URL, schema, max: 4 });
  await migrate(db);
  redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
});

afterAll(async () => {
  await flushPrefix(config.redisUrl, config.queuePrefix);
  redis.disconnect();
  await closeTestDatabase(db);
});

describe('render worker', () => {
  it(
    'renders a guide enqueued twice exactly once, into a joined MP4 with its narration',
    async () => {
      const { guide, row } = await queuedGuide('invalidita', 'worker-dup', 'dup-1');
      await enqueue(row.id, row.type_version);
      await withWorker(async (running) => {
        await untilStatus(row.id, 'ready', RENDER_WAIT, 'the guide to be ready');
        await new Promise((r) => setTimeout(r, 1500));
        expect(running.worker.renders).toBe(1);
      });
      const counts = await queue().getJobCounts('completed', 'failed', 'waiting', 'active');
      expect(counts).toMatchObject({ completed: 1, failed: 0, waiting: 0, active: 0 });

      const video = path.join(outputsOf(row.id), 'video.mp4');
      const stored = await getGuide(db, row.id);
      // The presenter speaks: scene lengths come from the measured narration, stored on the guide.
      const sb = storyboardOf(guide, { narrationFrames: (stored as any).narration.frames });
      expect(stored!.duration_frames).toBe(sb.durationInFrames);
      const probe = await ffprobeJson(video, ['-show_streams', '-show_format']);
      const streams = probe.streams.filter((s: any) => s.codec_type === 'video');
      expect(streams).toHaveLength(1);
      expect(streams[0].codec_name).toBe('h264');
      expect(streams[0].r_frame_rate).toBe('30/1');
      const audio = probe.streams.filter((s: any) => s.codec_type === 'audio');
      expect(audio).toHaveLength(1);
      expect(audio[0].codec_name).toBe('aac');
      expect(audio[0].sample_rate).toBe('48000');
      expect(Math.abs(Number(audio[0].duration) - Number(streams[0].duration))).toBeLessThanOrEqual(1 / 30);
      expect(await frameCount(video)).toBe(sb.durationInFrames);

      // The voice: loudness-normalised, and heard exactly where the captions say.
      const loudness = await measureLoudness(video);
      expect(Math.abs(loudness.integrated - -16)).toBeLessThanOrEqual(1.5);
      expect(loudness.truePeak).toBeLessThan(-1);
      const track = (stored as any).narration as { sentences: Record<string, { startFrame: number; endFrame: number }[]> };
      const quiet = await silences(video);
      const covered = (a: number, b: number) => quiet.some(([qs, qe]) => qs <= a && qe >= b);
      for (const scene of sb.scenes) {
        for (const cue of track.sentences[scene.id]!) {
          const [a, b] = [(scene.from + cue.startFrame) / 30, (scene.from + cue.endFrame) / 30];
          expect(covered(a + 0.1, b - 0.1), `speech expected in ${scene.id} ${a.toFixed(2)}–${b.toFixed(2)} s`).toBe(false);
        }
      }
      sb.scenes.slice(1).forEach((scene, i) => {
        const prev = sb.scenes[i]!;
        const lastEnd = (prev.from + track.sentences[prev.id]!.at(-1)!.endFrame) / 30;
        const nextStart = (scene.from + track.sentences[scene.id]![0]!.startFrame) / 30;
        expect(covered(lastEnd + 0.1, nextStart - 0.1), `silence expected between ${prev.id} and ${scene.id}`).toBe(true);
      });

      const frames = await ffprobeJson(video, ['-select_streams', 'v', '-show_entries', 'frame=best_effort_timestamp_time']);
      const times = frames.frames.map((f: any) => Number(f.best_effort_timestamp_time));
      for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThan(times[i - 1]);
      // moov before mdat: the file streams before it has fully downloaded.
      const head = fs.readFileSync(video).subarray(0, 4096).toString('latin1');
      expect(head.indexOf('moov')).toBeGreaterThan(0);
      expect(head.indexOf('moov')).toBeLessThan(head.indexOf('mdat') === -1 ? Infinity : head.indexOf('mdat'));
      for (const f of ['poster.jpg', 'captions.vtt', 'captions.it.vtt', 'captions.en.vtt', 'chapters.json'])
        expect(fs.existsSync(path.join(outputsOf(row.id), f)), f).toBe(true);

      // Pixel check against Remotion's own full render: the frames on both sides of a join, and a
      // frame in the middle of a scene where every layer is in.
      const join = sb.scenes[2]!.from;
      const mid = sb.scenes[1]!.from + Math.floor(sb.scenes[1]!.durationInFrames / 2);
      const naiveDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vg-naive-'));
      const first = Math.min(mid, join - 1);
      await renderGuide({
        guide,
        narration: (stored as any).narration,
        outDir: naiveDir,
        frameRange: [first, join + 1],
        serveUrl: await ensureBundle({ cacheDir: TEST_BUNDLE_DIR }),
      });
      const naive = path.join(naiveDir, 'video.mp4');
      for (const f of [mid, join - 1, join, join + 1]) {
        const db = await framePsnr(video, f, naive, f - first);
        expect(db, `PSNR at frame ${f}`).toBeGreaterThanOrEqual(40);
      }
    },
    RENDER_WAIT + 200_000,
  );

  it('fails invalid data at once, without retrying, and stores the reason', async () => {
    const guide = guideOf('red', 'worker-invalid') as any;
    const row = await storeGuide(db, guide, 'invalid-1');
    // Corrupt the stored data behind the API's back: a deadline inside the income year.
    await db.query(`UPDATE guides SET data = jsonb_set(data, '{benefit,deadline}', '"2019-06-01"') WHERE id = $1`, [row.id]);
    await enqueue(row.id, row.type_version);
    await withWorker(async (running) => {
      const failed = await waitFor(
        async () => {
          const g = await getGuide(db, row.id);
          return g?.status === 'failed' ? g : undefined;
        },
        60_000,
        'the guide to fail',
      );
      expect(failed.status_reason).toMatch(/benefit\.deadline/);
      const job = await queue().getJob(renderJobId(row.id, row.type_version));
      expect(await job!.getState()).toBe('failed');
      expect(job!.attemptsMade).toBe(1);
      expect(running.worker.renders).toBe(0);
    });
  }, 120_000);

  it(
    'after SIGKILL mid-render, a new worker completes the guide exactly once',
    async () => {
      const { guide, row } = await queuedGuide('invalidita', 'worker-kill', 'kill-1');
      const first = spawnWorker();
      try {
        await untilStatus(row.id, 'rendering', 120_000, 'the first worker to start rendering');
        await new Promise((r) => setTimeout(r, 4000));
        expect((await getGuide(db, row.id))?.status).toBe('rendering');
      } finally {
        killGroup(first, 'SIGKILL');
      }
      expect(fs.existsSync(path.join(outputsOf(row.id), 'video.mp4'))).toBe(false);

      const second = spawnWorker();
      try {
        await untilStatus(row.id, 'ready', RENDER_WAIT, 'the second worker to finish');
      } finally {
        killGroup(second, 'SIGTERM');
      }
      const g = await getGuide(db, row.id);
      expect(g?.status_reason).toBeNull();
      const files = fs.readdirSync(outputsOf(row.id)).sort();
      expect(files).toEqual(RENDER_OUTPUTS);
      expect(fs.readdirSync(path.join(config.videoDir, '.staging')).filter((d) => d.startsWith(row.id))).toEqual([]);
      expect(await frameCount(path.join(outputsOf(row.id), 'video.mp4'))).toBe(
        storyboardOf(guide, { narrationFrames: (g as any).narration.frames }).durationInFrames,
      );
      const job = await queue().getJob(renderJobId(row.id, row.type_version));
      expect(await job!.getState()).toBe('completed');
    },
    RENDER_WAIT + 200_000,
  );

  it(
    'on SIGTERM stops within its bounded time, and the job is completed by the next worker',
    async () => {
      const { row } = await queuedGuide('invalidita', 'worker-term', 'term-1');
      const first = spawnWorker();
      await untilStatus(row.id, 'rendering', 120_000, 'the first worker to start rendering');
      const exited = new Promise<number>((resolve) => first.once('exit', () => resolve(Date.now())));
      const t0 = Date.now();
      first.kill('SIGTERM'); // the worker process only, as an orchestrator would
      const stoppedAfter = (await exited) - t0;
      // RENDER_SHUTDOWN_TIMEOUT is 3 s here: the render is aborted after it, plus closing time.
      expect(stoppedAfter).toBeLessThan(15_000);
      killGroup(first, 'SIGKILL'); // nothing of it may linger
      expect(['queued', 'rendering']).toContain((await getGuide(db, row.id))?.status);
      await withWorker(() => untilStatus(row.id, 'ready', RENDER_WAIT, 'the next worker to finish'));
    },
    RENDER_WAIT + 200_000,
  );

  it('re-enqueues queued guides that Redis lost, and renders them', async () => {
    // Same data as the first test: the cache makes this quick.
    const { row } = await queuedGuide('invalidita', 'worker-dup', 'flushed-1');
    expect(await flushPrefix(config.redisUrl, config.queuePrefix)).toBeGreaterThan(0);
    expect(await queue().getJob(renderJobId(row.id, row.type_version))).toBeUndefined();
    await withWorker(() => untilStatus(row.id, 'ready', 300_000, 'the flushed guide to be rendered'));
  }, 360_000);
});
