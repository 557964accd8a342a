/**
 * npm run bench:render [-- --citizens 20 --skip-naive --type pensione --warmups 2 --naive-join --compare-whole]
 * The same generated ~4-minute pension guide rendered side by side, in one run:
 *   naive   — Remotion renderMedia of the whole composition (Chrome draws every frame);
 *   cold    — the compositing pipeline with an empty cache;
 *   warm    — the pipeline after other citizens of the same type filled the cache (steady state:
 *             shared scenes and base loops cached, this citizen's personal scenes made fresh).
 *   warm whole (`--compare-whole`) — the same warm render with every scene encoded whole, as before
 *             scenes were cut into entrance, one repeated base period and exit (compose-scene.ts).
 * Then the throughput over N distinct citizens, from an empty cache and from a warm one.
 * Prints one `name: value unit` line per figure.
 * The smoke run's size: `--type invalidita` (the shortest guide; other types than pensione take the
 * generator's first guides, without the pension's length filter), `--warmups 1` other citizens before
 * the warm render, `--naive-join`: Remotion renders only the two frames of the first scene join (not
 * the whole guide), so join_psnr_min_db covers that join and no render_naive_s or speedup is printed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { GuideType } from '../compositions/common/envelope';
import { generateEnvelopes } from '../compositions/generator/generate';
import { guideSchema, storyboardOf, type Guide, publicPart } from '../compositions/guide-types';
import { openRenderBrowser } from '../render-worker/browser';
import { ensureBundle } from '../render-worker/bundle';
import { CompositingRenderer } from '../render-worker/compositor/pipeline';
import { ffprobeJson } from '../render-worker/ffmpeg';
import { framePsnr } from '../render-worker/psnr';
import { renderGuide } from '../render-worker/render-guide';

const { values } = parseArgs({
  options: {
    citizens: { type: 'string', default: '20' },
    'skip-naive': { type: 'boolean', default: false },
    type: { type: 'string', default: 'pensione' },
    warmups: { type: 'string', default: '2' },
    'naive-join': { type: 'boolean', default: false },
    'compare-whole': { type: 'boolean', default: false },
  },
});
const citizens = Number(values.citizens);
const type = values.type as GuideType;
const line = (name: string, value: string | number, unit = '') => process.stdout.write(`${name}: ${value}${unit ? ` ${unit}` : ''}\n`);
const note = (text: string) => process.stderr.write(`# ${text}\n`);

/**
 * Pension guides of ~4 minutes, all with the same deduction request (so they share scenes); of
 * another --type, the generator's first guides.
 */
function pensionGuides(seed: string, n: number): Guide[] {
  if (type !== 'pensione') return [...generateEnvelopes(type, n, seed)].map((e) => guideSchema.parse(publicPart(e as never)));
  const out: Guide[] = [];
  for (const e of generateEnvelopes('pensione', n * 12, seed)) {
    const g = guideSchema.parse(publicPart(e as never));
    if (g.type !== 'pensione' || g.benefit.deductionRequest !== 'pension-income') continue;
    const s = storyboardOf(g).durationInFrames / 30;
    if (s >= 225 && s <= 255) out.push(g);
    if (out.length === n) break;
  }
  if (out.length < n) throw new Error(`only ${out.length} suitable guides for seed ${seed}`);
  return out;
}

/** CPU seconds of this process's waited-for children (ffmpeg; Chrome only once it has exited), from /proc. */
function childrenCpuSeconds(): number {
  const stat = fs.readFileSync('/proc/self/stat', 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[13]) + Number(f[14])) / 100;
}
let lastChildrenCpu = 0;

async function pipelineRender(renderer: CompositingRenderer, guide: Guide, outDir: string): Promise<number> {
  fs.mkdirSync(outDir, { recursive: true });
  const t0 = performance.now();
  const c0 = childrenCpuSeconds();
  await renderer.render({ guideId: 'bench', guide, outDir, onProgress: () => undefined, signal: new AbortController().signal });
  lastChildrenCpu = childrenCpuSeconds() - c0;
  return (performance.now() - t0) / 1000;
}

const frames = async (file: string) => Number((await ffprobeJson(file, ['-count_frames', '-select_streams', 'v', '-show_streams'])).streams[0].nb_read_frames);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'vg-bench-render-'));
// Bundles are keyed by a hash of the code: BUNDLE_CACHE_DIR may share the tests' (the smoke run does).
const bundleDir = process.env.BUNDLE_CACHE_DIR ?? path.join(os.tmpdir(), 'videoguida-bench-bundles');
const [subject] = pensionGuides('bench-subject', 1) as [Guide];
const sb = storyboardOf(subject);
line('guide_seconds', (sb.durationInFrames / 30).toFixed(1), 's');
await ensureBundle({ cacheDir: bundleDir });

// Cold: empty cache (bases, shared scenes, everything).
const coldRenderer = new CompositingRenderer({ cacheDir: path.join(work, 'cold-cache'), bundleDir });
const cold = await pipelineRender(coldRenderer, subject, path.join(work, 'cold'));
await coldRenderer.close();
line('render_pipeline_cold_s', cold.toFixed(1), 's');

// Warm: a cache filled by two other citizens, then this citizen.
const warmRenderer = new CompositingRenderer({ cacheDir: path.join(work, 'warm-cache'), bundleDir });
for (const [i, other] of pensionGuides('bench-warmup', Number(values.warmups)).entries())
  await pipelineRender(warmRenderer, other, path.join(work, `warmup-${i}`));
// The same warm cache for the comparison: a copy taken before the subject's scenes are in it.
if (values['compare-whole']) fs.cpSync(path.join(work, 'warm-cache'), path.join(work, 'whole-cache'), { recursive: true });
const warm = await pipelineRender(warmRenderer, subject, path.join(work, 'warm'));
const warmFfmpegCpu = lastChildrenCpu;
const warmStats = warmRenderer.lastStats!;
note(`warm render reused ${warmStats.cachedScenes}/${warmStats.scenes} scenes`);
await warmRenderer.close();
line('render_pipeline_warm_s', warm.toFixed(1), 's');
line('render_pipeline_warm_chrome_s', warmStats.chromeSeconds.toFixed(1), 's');
line('render_pipeline_warm_compose_s', warmStats.composeSeconds.toFixed(1), 's');
line('render_pipeline_warm_ffmpeg_cpu_s', warmFfmpegCpu.toFixed(1), 's');
line('render_pipeline_warm_composed_frames', warmStats.composedFrames, 'frames');
line('render_pipeline_warm_encoded_frames', warmStats.encodedFrames, 'frames');
if (values['compare-whole']) {
  const wholeRenderer = new CompositingRenderer({ cacheDir: path.join(work, 'whole-cache'), bundleDir, repeatPeriods: false });
  const whole = await pipelineRender(wholeRenderer, subject, path.join(work, 'whole'));
  const wholeStats = wholeRenderer.lastStats!;
  await wholeRenderer.close();
  line('render_pipeline_warm_whole_s', whole.toFixed(1), 's');
  line('render_pipeline_warm_whole_compose_s', wholeStats.composeSeconds.toFixed(1), 's');
  line('render_pipeline_warm_whole_ffmpeg_cpu_s', lastChildrenCpu.toFixed(1), 's');
  line('render_periods_speedup', (whole / warm).toFixed(2));
}
const pipelineVideo = path.join(work, 'warm', 'video.mp4');
line('render_pipeline_frames_ok', String((await frames(pipelineVideo)) === sb.durationInFrames));

if (!values['skip-naive'] && values['naive-join']) {
  // The first join only: the frames either side of it, rendered by Remotion as a two-frame video.
  const join = sb.scenes[1]!.from;
  const browser = await openRenderBrowser();
  const t0 = performance.now();
  await renderGuide({
    guide: subject,
    outDir: path.join(work, 'naive'),
    frameRange: [join - 1, join],
    serveUrl: await ensureBundle({ cacheDir: bundleDir }),
    browser,
  });
  await browser.close({ silent: true });
  note(`naive join frames in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const naiveVideo = path.join(work, 'naive', 'video.mp4');
  let worst = Infinity;
  for (const f of [join - 1, join]) worst = Math.min(worst, await framePsnr(pipelineVideo, f, naiveVideo, f - (join - 1)));
  line('render_naive_join_frames', 2, 'frames');
  line('join_psnr_min_db', worst.toFixed(1), 'dB');
} else if (!values['skip-naive']) {
  const browser = await openRenderBrowser();
  const t0 = performance.now();
  await renderGuide({ guide: subject, outDir: path.join(work, 'naive'), serveUrl: await ensureBundle({ cacheDir: bundleDir }), browser });
  const naive = (performance.now() - t0) / 1000;
  await browser.close({ silent: true });
  line('render_naive_s', naive.toFixed(1), 's');
  line('render_speedup', (naive / warm).toFixed(2));
  line('render_speedup_cold', (naive / cold).toFixed(2));
  const naiveVideo = path.join(work, 'naive', 'video.mp4');
  let worst = Infinity;
  for (const scene of sb.scenes.slice(1)) {
    for (const f of [scene.from - 1, scene.from]) worst = Math.min(worst, await framePsnr(pipelineVideo, f, naiveVideo, f));
  }
  line('join_psnr_min_db', worst.toFixed(1), 'dB');
  // Inside scenes: the middle, and either side of the frame 240 where most scenes' entrance ends and
  // their repeated period begins (compose-scene.ts).
  let inside = Infinity;
  for (const scene of sb.scenes) {
    const at = [Math.floor(scene.durationInFrames / 2), 239, 240].filter((f) => f < scene.durationInFrames - 9);
    for (const f of at) inside = Math.min(inside, await framePsnr(pipelineVideo, scene.from + f, naiveVideo, scene.from + f));
  }
  line('scene_psnr_min_db', inside.toFixed(1), 'dB');
}

// Throughput over distinct citizens: from an empty cache, then with the cache those renders left.
const throughput = async (label: string, renderer: CompositingRenderer, guides: Guide[]) => {
  const t0 = performance.now();
  for (const [i, g] of guides.entries()) await pipelineRender(renderer, g, path.join(work, `${label}-${i}`));
  const s = (performance.now() - t0) / 1000;
  line(`throughput_${label}`, ((guides.length / s) * 3600).toFixed(0), 'guides/h');
  line(`throughput_${label}_video_x_realtime`, (guides.reduce((t, g) => t + storyboardOf(g).durationInFrames, 0) / 30 / s).toFixed(2));
};
if (citizens > 0) {
  const renderer = new CompositingRenderer({ cacheDir: path.join(work, 'throughput-cache'), bundleDir });
  await throughput('cold', renderer, pensionGuides('bench-cold', citizens));
  await throughput('warm', renderer, pensionGuides('bench-warm', citizens));
  await renderer.close();
}
fs.rmSync(work, { recursive: true, force: true });
