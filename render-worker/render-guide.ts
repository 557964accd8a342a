import fs from 'node:fs/promises';
import path from 'node:path';
import { renderMedia, renderStill, selectComposition, type RenderMediaOnProgress } from '@remotion/renderer';
import { chapters, webvtt } from '../compositions/captions';
import { LOCALES } from '../compositions/common/locale';
import type { NarrationTrack } from '../compositions/common/video-props';
import { storyboardOf, type Guide } from '../compositions/guide-types';
import { settledFrame } from '../compositions/scenes/layers-of';
import { defaultBrowserSetup, openRenderBrowser, remotionTarget, type BrowserSetup, type HeadlessBrowser } from './browser';
import { TempFiles } from '../server/files/atomic-write';
import { ensureBundle } from './bundle';

/**
 * Encoder settings of every guide video. The segment renderer (issue #4) must use exactly these,
 * or stream-copy joins of its segments would not play as one stream.
 */
export const ENCODING = {
  codec: 'h264',
  pixelFormat: 'yuv420p',
  imageFormat: 'jpeg',
  jpegQuality: 90,
  crf: 20,
  x264Preset: 'medium',
  // Tagged BT.709, limited range: what phone and browser decoders assume. Remotion's v4 default
  // ("default") leaves the JPEG frames' full range, so the stream comes out as yuvj420p.
  colorSpace: 'bt709',
} as const;

/** 1080p is the 720p design drawn at 1.5x (sharper, not re-laid out). */
export const SCALES = { '720p': 1, '1080p': 1.5 } as const;
export type Resolution = keyof typeof SCALES;

export interface RenderProgress {
  stage: 'preparing' | 'rendering' | 'poster' | 'done';
  /** 0..1 over the whole job. */
  progress: number;
  renderedFrames: number;
  encodedFrames: number;
  totalFrames: number;
}

export interface RenderGuideOptions {
  guide: Guide;
  narration?: NarrationTrack;
  outDir: string;
  /** Inclusive guide frames [first, last]; the whole guide when absent. */
  frameRange?: [number, number];
  scale?: number;
  onProgress?: (p: RenderProgress) => void;
  /** Reuse a bundle and a browser across renders (the worker does); opened and closed here otherwise. */
  serveUrl?: string;
  browser?: HeadlessBrowser;
  /** How Chrome is launched and driven (browserSetup(config.browserExecutable)); must match `browser`. */
  browserSetup?: BrowserSetup;
  concurrency?: number | null;
}

export interface RenderGuideResult {
  video: string;
  poster: string;
  captions: Record<string, string>;
  chapters: string;
  durationInFrames: number;
  renderedFrames: number;
  seconds: number;
}

/** The poster: the greeting once its words are all in (the citizen's name, the subject). */
export function posterFrame(guide: Guide, narration?: NarrationTrack): number {
  const first = storyboardOf(guide, { narrationFrames: narration?.frames }).scenes[0];
  if (!first) return 0;
  return first.from + Math.min(first.durationInFrames - 1, settledFrame(first) + 6);
}

/**
 * Renders one guide into outDir: video.mp4 (H.264, 30 fps, yuv420p, moov before mdat), poster.jpg,
 * captions.vtt (guide locale) plus captions.<locale>.vtt for every locale, chapters.json. Every
 * file is written under a temporary name and renamed into place, so a reader never sees half a file
 * and a crashed render leaves the previous outputs intact.
 */
export async function renderGuide(o: RenderGuideOptions): Promise<RenderGuideResult> {
  const started = Date.now();
  const storyboard = storyboardOf(o.guide, { narrationFrames: o.narration?.frames });
  const total = storyboard.durationInFrames;
  const range = o.frameRange;
  if (range && (range[0] < 0 || range[1] < range[0] || range[1] >= total))
    throw new RangeError(`frame range ${range[0]}-${range[1]} is outside the guide (0-${total - 1})`);
  const frames = range ? range[1] - range[0] + 1 : total;
  const report = (p: Omit<RenderProgress, 'totalFrames'>): void => o.onProgress?.({ ...p, totalFrames: frames });
  report({ stage: 'preparing', progress: 0, renderedFrames: 0, encodedFrames: 0 });

  await fs.mkdir(o.outDir, { recursive: true });
  const serveUrl = o.serveUrl ?? (await ensureBundle());
  const setup = o.browserSetup ?? defaultBrowserSetup();
  const browser = o.browser ?? (await openRenderBrowser(setup));
  const inputProps = { guide: o.guide, ...(o.narration ? { narration: o.narration } : {}) };
  const common = { ...remotionTarget(serveUrl, browser, setup), inputProps };
  // The extension stays last in a temporary name: Remotion picks the container (and faststart) from it.
  const temps = new TempFiles();
  const out = (name: string): string => path.join(o.outDir, name);
  try {
    const composition = await selectComposition({ ...common, id: o.guide.type });
    if (composition.durationInFrames !== total) throw new Error(`composition lasts ${composition.durationInFrames} frames, storyboard ${total}`);

    const video = temps.beside(out('video.mp4'));
    const onProgress: RenderMediaOnProgress = (p) =>
      report({ stage: 'rendering', progress: 0.95 * p.progress, renderedFrames: p.renderedFrames, encodedFrames: p.encodedFrames });
    await renderMedia({
      ...common,
      composition,
      codec: ENCODING.codec,
      pixelFormat: ENCODING.pixelFormat,
      imageFormat: ENCODING.imageFormat,
      jpegQuality: ENCODING.jpegQuality,
      crf: ENCODING.crf,
      x264Preset: ENCODING.x264Preset,
      colorSpace: ENCODING.colorSpace,
      outputLocation: video,
      overwrite: true,
      scale: o.scale ?? 1,
      ...(range ? { frameRange: range } : {}),
      ...(o.concurrency !== undefined ? { concurrency: o.concurrency } : {}),
      onProgress,
    });

    report({ stage: 'poster', progress: 0.96, renderedFrames: frames, encodedFrames: frames });
    const poster = temps.beside(out('poster.jpg'));
    await renderStill({
      ...common,
      composition,
      frame: posterFrame(o.guide, o.narration),
      output: poster,
      imageFormat: 'jpeg',
      jpegQuality: 85,
      scale: o.scale ?? 1,
      overwrite: true,
    });

    const texts: [string, string][] = [
      ['captions.vtt', webvtt(storyboard, storyboard.locale, o.narration?.sentences)],
      ...LOCALES.map((l): [string, string] => [`captions.${l}.vtt`, webvtt(storyboard, l, o.narration?.sentences)]),
      ['chapters.json', `${JSON.stringify(chapters(storyboard, storyboard.locale), null, 2)}\n`],
    ];
    for (const [name, text] of texts) {
      await fs.writeFile(temps.beside(out(name)), text, 'utf8');
    }
    await temps.commit();
    report({ stage: 'done', progress: 1, renderedFrames: frames, encodedFrames: frames });
    return {
      video: out('video.mp4'),
      poster: out('poster.jpg'),
      captions: Object.fromEntries([['default', out('captions.vtt')], ...LOCALES.map((l) => [l, out(`captions.${l}.vtt`)])]),
      chapters: out('chapters.json'),
      durationInFrames: total,
      renderedFrames: frames,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await temps.discard();
    if (!o.browser) await browser.close({ silent: true });
  }
}
