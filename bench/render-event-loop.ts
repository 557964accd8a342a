/**
 * npx tsx bench/render-event-loop.ts [-- --type pensione --seed loop --cache DIR]
 * Renders one guide with the worker's compositing pipeline and narration (as render-worker/start.ts
 * builds it) while measuring the event loop: perf_hooks.monitorEventLoopDelay (max, p99) and every
 * stall over 200 ms with its time. A stall longer than half the render lock (RENDER_LOCK_DURATION)
 * keeps BullMQ from renewing the job's lock ("could not renew lock for job") and lets another worker
 * take the job over. Prints `render_loop_delay_max_ms`, `render_loop_delay_p99_ms`,
 * `render_loop_stalls_over_200ms` and `render_seconds`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { GuideType } from '../compositions/common/envelope';
import { browserSetup } from '../render-worker/browser';
import { CompositingRenderer } from '../render-worker/compositor/pipeline';
import { loadConfig } from '../server/config';
import { buildGuideAudio, ClipCache, createEngine, narrateGuide, publicTrack } from '../speech';
import { guideOf } from '../test/helpers/render-env';

const { values } = parseArgs({
  options: { type: { type: 'string', default: 'pensione' }, seed: { type: 'string', default: 'loop' }, cache: { type: 'string' } },
});
const say = (line: string) => process.stdout.write(`${line}\n`);
const config = loadConfig({
  ...process.env,
  BUNDLE_CACHE_DIR: process.env.BUNDLE_CACHE_DIR ?? path.join(os.tmpdir(), 'videoguida-test-bundles'),
  SPEECH_CACHE_DIR: process.env.SPEECH_CACHE_DIR ?? path.join(os.tmpdir(), 'videoguida-test-speech'),
});
const cacheDir = values.cache ?? fs.mkdtempSync(path.join(os.tmpdir(), 'vg-loop-cache-'));
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'vg-loop-out-'));
const guide = guideOf(values.type as GuideType, values.seed);
const speech = new ClipCache({ dir: config.speech.cacheDir, engine: createEngine(config.speech) });
const marks: { at: number; what: string }[] = [];
const t0 = performance.now();
const mark = (what: string) => marks.push({ at: performance.now() - t0, what });
const renderer = new CompositingRenderer({
  narrate: async (req, workDir) => {
    mark('narration start');
    const narration = await narrateGuide(req.guide, { cache: speech });
    const audioPath = path.join(workDir, 'audio.m4a');
    await buildGuideAudio(narration, audioPath);
    mark('narration done');
    return { track: publicTrack(narration.track), audioPath };
  },
  cacheDir,
  bundleDir: config.render.bundleDir,
  maxCacheBytes: config.render.cacheMaxBytes,
  resolution: config.render.resolution,
  recycleBrowserAfter: 50,
  browserSetup: browserSetup(config.browserExecutable),
});

const histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();
const stalls: { at: number; ms: number }[] = [];
let last = performance.now();
const tick = setInterval(() => {
  const now = performance.now();
  if (now - last > 250) stalls.push({ at: last - t0, ms: Math.round(now - last - 50) });
  last = now;
}, 50);

let done = 0;
const started = performance.now();
await renderer.render({
  guideId: 'loop-probe',
  guide,
  outDir: out,
  signal: new AbortController().signal,
  onProgress: (f) => {
    const p = Math.floor(f * 10);
    if (p > done) {
      done = p;
      mark(`${p * 10}%`);
    }
  },
});
const seconds = (performance.now() - started) / 1000;
clearInterval(tick);
histogram.disable();
await renderer.close();
for (const s of stalls) say(`# stall ${s.ms} ms at ${(s.at / 1000).toFixed(1)} s (after: ${marks.filter((m) => m.at <= s.at).at(-1)?.what ?? 'start'})`);
say(`# ${values.type}: ${JSON.stringify(renderer.lastStats)}`);
say(`render_seconds: ${seconds.toFixed(1)} s`);
say(`render_loop_delay_max_ms: ${Math.round(histogram.max / 1e6)} ms`);
say(`render_loop_delay_p99_ms: ${Math.round(histogram.percentile(99) / 1e6)} ms`);
say(`render_loop_stalls_over_200ms: ${stalls.length}`);
fs.rmSync(out, { recursive: true, force: true });
if (!values.cache) fs.rmSync(cacheDir, { recursive: true, force: true });
process.exit(0);
