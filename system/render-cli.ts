/**
 * npm run render -- --data FILE --out DIR [--resolution 720p|1080p] [--cache DIR] [--naive [--frames a-b] [--concurrency n]]
 * Renders one guide (FILE: one envelope as JSON, or NDJSON whose first line is used) with the
 * compositing pipeline the worker uses, its segment cache in --cache (default RENDER_CACHE_DIR):
 * a second citizen of the same type reuses every shared scene. --naive renders every frame with
 * Remotion's renderMedia, the reference the pipeline is compared with (and the only way to render a
 * frame range).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { EnvelopeError, loadEnvelopeFile } from '../render-worker/load-envelope';
import { progressBar } from '../render-worker/progress-bar';
import { browserSetup } from '../render-worker/browser';
import { renderGuide, SCALES } from '../render-worker/render-guide';
import fs from 'node:fs';
import { loadConfig } from '../server/config';
import { buildGuideAudio, ClipCache, createEngine, narrateGuide, publicTrack } from '../speech';
import { runFfmpeg } from '../render-worker/ffmpeg';
import { storyboardOf, type Guide } from '../compositions/guide-types';
import type { Config } from '../server/config';
import { CompositingRenderer } from '../render-worker/compositor/pipeline';
import type { Resolution } from '../render-worker/compositor/encoding';
import type { RenderRequest } from '../render-worker/renderer';

const argsSchema = z
  .object({
    data: z.string({ error: '--data FILE is required' }).min(1),
    out: z.string({ error: '--out DIR is required' }).min(1),
    resolution: z.enum(['720p', '1080p'], { error: 'expected 720p or 1080p' }).default('720p'),
    frames: z
      .string()
      .regex(/^\d+-\d+$/, 'expected a frame range such as 0-149 (first and last frame, inclusive)')
      .transform((s) => s.split('-').map(Number) as [number, number])
      .optional(),
    concurrency: z.coerce.number().int().min(1).max(16).optional(),
    cache: z.string().min(1).optional(),
    naive: z.boolean().optional(),
    'no-narration': z.boolean().optional(),
  })
  .refine((a) => a.naive || (a.frames === undefined && a.concurrency === undefined), {
    path: ['frames'],
    message: '--frames and --concurrency need --naive (the pipeline renders whole guides)',
  });

const USAGE =
  'usage: npm run render -- --data FILE --out DIR [--resolution 720p|1080p] [--cache DIR] [--no-narration] [--naive [--frames a-b] [--concurrency n]]';

async function main(): Promise<number> {
  let raw;
  try {
    raw = parseArgs({
      options: {
        data: { type: 'string' },
        out: { type: 'string' },
        resolution: { type: 'string' },
        frames: { type: 'string' },
        concurrency: { type: 'string' },
        cache: { type: 'string' },
        naive: { type: 'boolean' },
        'no-narration': { type: 'boolean' },
        help: { type: 'boolean' },
      },
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
  const { data, out, resolution, frames, concurrency, naive } = args.data;
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
  const config = loadConfig(process.env);
  if (!naive) return renderFast(guide, { config, out: path.resolve(out), resolution, cacheDir: args.data.cache ?? config.render.cacheDir, speak });
  // The presenter speaks: measured narration sets the scene lengths, the captions follow the speech,
  // and the loudness-normalised track is muxed over the video (a frame range stays silent).
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

/** The worker's compositing pipeline, for one guide: shared scenes come from the cache. */
async function renderFast(guide: Guide, o: { config: Config; out: string; resolution: Resolution; cacheDir: string; speak: boolean }): Promise<number> {
  const speech = new ClipCache({ dir: o.config.speech.cacheDir, engine: createEngine(o.config.speech) });
  const renderer = new CompositingRenderer({
    cacheDir: o.cacheDir,
    bundleDir: o.config.render.bundleDir,
    resolution: o.resolution,
    browserSetup: browserSetup(o.config.browserExecutable),
    ...(o.speak
      ? {
          narrate: async (_req: RenderRequest, workDir: string) => {
            const narration = await narrateGuide(guide, { cache: speech });
            const audioPath = path.join(workDir, 'audio.m4a');
            await buildGuideAudio(narration, audioPath);
            return { track: publicTrack(narration.track), audioPath };
          },
        }
      : {}),
  });
  const bar = progressBar();
  // The estimate from the text; the measured narration may change it slightly, the fraction is exact.
  const total = storyboardOf(guide).durationInFrames;
  fs.mkdirSync(o.out, { recursive: true });
  try {
    await renderer.render({
      guideId: 'cli',
      guide,
      outDir: o.out,
      signal: new AbortController().signal,
      onProgress: (fraction) => {
        const frames = Math.round(fraction * total);
        bar.update({ stage: 'rendering', progress: fraction, renderedFrames: frames, encodedFrames: frames, totalFrames: total });
      },
    });
  } finally {
    bar.done();
    await renderer.close();
  }
  const stats = renderer.lastStats;
  process.stdout.write(
    [
      `${guide.type} guide at ${o.resolution}, ${stats ? `${stats.seconds.toFixed(1)} s (${stats.cachedScenes} of ${stats.scenes} scenes from the cache in ${o.cacheDir})` : ''}`,
      ...fs
        .readdirSync(o.out)
        .sort()
        .map((f) => `  ${path.join(o.out, f)}`),
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
