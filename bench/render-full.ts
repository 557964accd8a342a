/**
 * npm run bench:render-full [-- --type pensione --frames a-b]: the naive path, one full Remotion
 * render of a generated pension guide (the longest type), checked to the frame against its storyboard.
 * `--type` renders another type; `--frames a-b` only those frames (inclusive; the smoke run's size):
 * the figures then cover the range, and the frame check expects its length.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { GuideType } from '../compositions/common/envelope';
import { generateEnvelopes } from '../compositions/generator/generate';
import { envelopeSchema, guideSchema, storyboardOf, publicPart } from '../compositions/guide-types';
import { openRenderBrowser } from '../render-worker/browser';
import { ensureBundle } from '../render-worker/bundle';
import { moovBeforeMdat, probeVideo } from '../render-worker/probe';
import { renderGuide } from '../render-worker/render-guide';

const { values } = parseArgs({ options: { type: { type: 'string', default: 'pensione' }, frames: { type: 'string' } } });
const [envelope] = [...generateEnvelopes(values.type as GuideType, 1, 'bench')];
const guide = guideSchema.parse(publicPart(envelopeSchema.parse(envelope)));
const total = storyboardOf(guide).durationInFrames;
const range = values.frames?.split('-').map(Number) as [number, number] | undefined;
if (range && !(range.length === 2 && range.every(Number.isInteger) && range[0] <= range[1])) throw new Error(`--frames expects a-b, got ${values.frames}`);
const expected = range ? range[1] - range[0] + 1 : total;

// Bundles are keyed by a hash of the code: BUNDLE_CACHE_DIR may share the tests' (the smoke run does).
const serveUrl = await ensureBundle(process.env.BUNDLE_CACHE_DIR ? { cacheDir: process.env.BUNDLE_CACHE_DIR } : {});
const browser = await openRenderBrowser();
const outDir = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-render-full-'));
try {
  const started = performance.now();
  const result = await renderGuide({ guide, outDir, serveUrl, browser, ...(range ? { frameRange: range } : {}) });
  const seconds = (performance.now() - started) / 1000;
  const probe = await probeVideo(result.video);
  const moovFirst = await moovBeforeMdat(result.video);
  const lines = [
    `render_full_guide_frames: ${total} frames`,
    `render_full_frames: ${expected} frames`,
    `render_full_guide_duration: ${(total / 30).toFixed(1)} s`,
    `render_full_s: ${seconds.toFixed(1)} s`,
    `render_full_fps: ${(expected / seconds).toFixed(2)} frames/s`,
    `render_full_cpus: ${os.cpus().length} cores`,
    `render_full_frames_ok: ${probe.frames === expected}`,
    `render_full_moov_first: ${moovFirst}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (probe.frames !== expected || !moovFirst || probe.codec !== 'h264' || probe.fps !== 30) {
    process.stderr.write(`unexpected output: ${JSON.stringify(probe)} moovFirst=${moovFirst}, expected ${expected} frames\n`);
    process.exitCode = 1;
  }
} finally {
  await browser.close({ silent: true });
  await fs.rm(outDir, { recursive: true, force: true });
}
