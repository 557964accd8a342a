/**
 * npm run bench:render-full: the naive path, one full Remotion render of a generated pension
 * guide (the longest type), checked to the frame against its storyboard.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { generateEnvelopes } from '../compositions/generator/generate';
import { envelopeSchema, guideSchema, storyboardOf, publicPart } from '../compositions/guide-types';
import { openRenderBrowser } from '../render-worker/browser';
import { ensureBundle } from '../render-worker/bundle';
import { moovBeforeMdat, probeVideo } from '../render-worker/probe';
import { renderGuide } from '../render-worker/render-guide';

const [envelope] = [...generateEnvelopes('pensione', 1, 'bench')];
const guide = guideSchema.parse(publicPart(envelopeSchema.parse(envelope)));
const expected = storyboardOf(guide).durationInFrames;

const serveUrl = await ensureBundle();
const browser = await openRenderBrowser();
const outDir = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-render-full-'));
try {
  const started = performance.now();
  const result = await renderGuide({ guide, outDir, serveUrl, browser });
  const seconds = (performance.now() - started) / 1000;
  const probe = await probeVideo(result.video);
  const moovFirst = await moovBeforeMdat(result.video);
  const lines = [
    `render_full_guide_frames: ${expected} frames`,
    `render_full_guide_duration: ${(expected / 30).toFixed(1)} s`,
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
