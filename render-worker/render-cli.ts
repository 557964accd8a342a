/**
 * npm run render -- --data FILE --out DIR [--resolution 720p|1080p] [--frames a-b] [--concurrency n]
 * Renders one guide (FILE: one envelope as JSON, or NDJSON whose first line is used).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { EnvelopeError, loadEnvelopeFile } from './load-envelope';
import { progressBar } from './progress-bar';
import { browserSetup } from './browser';
import { renderGuide, SCALES } from './render-guide';
import fs from 'node:fs';
import { loadConfig } from '../server/config';
import { buildGuideAudio, ClipCache, createEngine, narrateGuide, publicTrack } from '../speech';
import { runFfmpeg } from './ffmpeg';

const argsSchema = z.object({
  data: z.string({ error: '--data FILE is required' }).min(1),
  out: z.string({ error: '--out DIR is required' }).min(1),
  resolution: z.enum(['720p', '1080p'], { error: 'expected 720p or 1080p' }).default('720p'),
  frames: z
    .string()
    .regex(/^\d+-\d+$/, 'expected a frame range such as 0-149 (first and last frame, inclusive)')
    .transform((s) => s.split('-').map(Number) as [number, number])
    .optional(),
  concurrency: z.coerce.number().int().min(1).max(16).optional(),
  'no-narration': z.boolean().optional(),
});

const USAGE = 'usage: npm run render -- --data FILE --out DIR [--resolution 720p|1080p] [--frames a-b] [--concurrency n] [--no-narration]';

async function main(): Promise<number> {
  let raw;
  try {
    raw = parseArgs({
      options: { data: { type: 'string' }, out: { type: 'string' }, resolution: { type: 'string' }, frames: { type: 'string' }, concurrency: { type: 'string' }, 'no-narration': { type: 'boolean' }, help: { type: 'boolean' } },
      strict: true,
    }).values;
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (raw.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const args = argsSchema.safeParse(raw);
  if (!args.success) {
    for (const i of args.error.issues) process.stderr.write(`--${i.path.join('.')}: ${i.message}\n`);
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const { data, out, resolution, frames, concurrency } = args.data;
  const speak = !args.data['no-narration'];
  let guide;
  try {
    ({ guide } = await loadEnvelopeFile(data));
  } catch (err) {
    if (err instanceof EnvelopeError) {
      process.stderr.write(`${data}: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
  // The presenter speaks: measured narration sets the scene lengths, the captions follow the speech,
  // and the loudness-normalised track is muxed over the video (a frame range stays silent).
  const config = loadConfig();
  const narration = speak
    ? await narrateGuide(guide, { cache: new ClipCache({ dir: config.speech.cacheDir, engine: createEngine(config.speech) }) })
    : undefined;
  const bar = progressBar();
  const result = await renderGuide({
    guide,
    ...(narration ? { narration: publicTrack(narration.track) } : {}),
    outDir: path.resolve(out),
    scale: SCALES[resolution],
    ...(frames ? { frameRange: frames } : {}),
    ...(concurrency ? { concurrency } : {}),
    onProgress: bar.update,
    browserSetup: browserSetup(config.browserExecutable),
  }).finally(bar.done);
  if (narration && !frames) {
    const audio = path.join(path.resolve(out), 'audio.m4a');
    await buildGuideAudio(narration, audio);
    const muxed = `${result.video}.mux.mp4`;
    await runFfmpeg(['-y', '-i', result.video, '-i', audio, '-map', '0:v', '-map', '1:a', '-c', 'copy', '-movflags', '+faststart', muxed]);
    fs.renameSync(muxed, result.video);
  }
  const fps = result.renderedFrames / result.seconds;
  process.stdout.write(
    [
      `${guide.type} guide, ${result.renderedFrames} of ${result.durationInFrames} frames at ${resolution}, ${result.seconds.toFixed(1)} s (${fps.toFixed(1)} frames/s)`,
      `  ${result.video}`,
      `  ${result.poster}`,
      ...Object.values(result.captions).map((c) => `  ${c}`),
      `  ${result.chapters}`,
      '',
    ].join('\n'),
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`render failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
