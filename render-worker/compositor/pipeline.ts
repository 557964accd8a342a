import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeCancelSignal } from '@remotion/renderer';
import { chapters, webvtt } from '../../compositions/captions';
import { BASE_LOOP_FRAMES, baseVariantOf } from '../../compositions/common/layers';
import { LOCALES } from '../../compositions/common/locale';
import type { NarrationTrack } from '../../compositions/common/video-props';
import { storyboardOf } from '../../compositions/guide-types';
import { DiskCache } from '../../server/files/disk-cache';
import type { Logger } from '../../server/logger';
import { defaultBrowserSetup, openRenderBrowser, type BrowserSetup, type HeadlessBrowser } from '../browser';
import { ensureBundle } from '../bundle';
import { runFfmpeg } from '../ffmpeg';
import { posterFrame } from '../render-guide';
import type { GuideRenderer, RenderRequest } from '../renderer';
import { renderBaseFrames, renderLayersOfScenes, renderSceneLayers, type ChromeContext } from './chrome-pieces';
import { composeScene, type PlacedLayer } from './compose-scene';
import { concatSegments } from './concat';
import { RESOLUTIONS, type Resolution } from './encoding';
import { baseKey, isShared, segmentKey } from './keys';
import { viaStore } from './shared-segments';
import type { SharedCache } from '../../server/media';

export interface CompositingRendererOptions {
  cacheDir: string;
  /** Remotion bundles, by content hash (default cacheDir/bundles). */
  bundleDir?: string;
  maxCacheBytes: number;
  resolution: Resolution;
  /** Chromium is reopened after this many guides (long-lived browsers grow). */
  recycleBrowserAfter: number;
  /** How Chrome is launched (browserSetup(config.browserExecutable)); default: the environment's. */
  browserSetup: BrowserSetup;
  logger?: Logger;
  /** Supplies measured narration (issue #9); without it the storyboard estimates speech length. */
  narrate?: (request: RenderRequest, workDir: string) => Promise<{ track: NarrationTrack; audioPath?: string } | undefined>;
  /** Segments shared by every citizen also kept in the media store (a new worker starts warm). */
  sharedCache?: SharedCache | null;
  /** Where a scene's picture repeats, one base period is encoded and copied (compose-scene.ts); off only to compare. */
  repeatPeriods: boolean;
}

const DEFAULTS = { maxCacheBytes: 20 * 1024 ** 3, resolution: '720p' as Resolution, recycleBrowserAfter: 50, repeatPeriods: true };

export interface RenderStats {
  scenes: number;
  cachedScenes: number;
  /** Of the scenes not on this worker's disk, those fetched from the media store instead of rendered. */
  storeScenes: number;
  /** Base loops (presenter frames) fetched from the media store instead of rendered in Chrome. */
  storeBases: number;
  seconds: number;
  /** Time spent in Chrome (layer stills, base loops), in ffmpeg compositing, and in narration. */
  chromeSeconds: number;
  composeSeconds: number;
  narrationSeconds: number;
  /** Frames of the scenes made by this render (not cached), and of those the frames ffmpeg encoded. */
  composedFrames: number;
  encodedFrames: number;
}

/**
 * The fast renderer (DESIGN.md, "Render cost"): Chrome draws only the base loop (once for all
 * guides) and each scene's still layers; ffmpeg fades and composites them into a segment per
 * scene; segments are cached by exactly what they depend on, so scenes without personal data are
 * made once for every citizen; the guide is the stream-copy join of its segments.
 */
export class CompositingRenderer implements GuideRenderer {
  readonly name = 'compositing';
  readonly options: CompositingRendererOptions;
  readonly segments: DiskCache;
  readonly bases: DiskCache;
  private browser: HeadlessBrowser | null = null;
  private serveUrl: string | null = null;
  private rendersOnBrowser = 0;
  lastStats: RenderStats | null = null;

  constructor(options: Partial<CompositingRendererOptions> & { cacheDir: string }) {
    this.options = { ...DEFAULTS, ...options, browserSetup: options.browserSetup ?? defaultBrowserSetup() };
    this.segments = new DiskCache({ dir: path.join(this.options.cacheDir, 'segments'), maxBytes: this.options.maxCacheBytes });
    this.bases = new DiskCache({ dir: path.join(this.options.cacheDir, 'bases'), maxBytes: 2 * 1024 ** 3 });
  }

  private async chrome(): Promise<{ serveUrl: string; browser: HeadlessBrowser }> {
    this.serveUrl ??= await ensureBundle({ cacheDir: this.options.bundleDir ?? path.join(this.options.cacheDir, 'bundles') });
    if (this.browser && this.rendersOnBrowser >= this.options.recycleBrowserAfter) {
      await this.browser.close({ silent: true }).catch(() => undefined);
      this.browser = null;
    }
    if (!this.browser) {
      this.browser = await openRenderBrowser(this.options.browserSetup);
      this.rendersOnBrowser = 0;
    }
    return { serveUrl: this.serveUrl, browser: this.browser };
  }

  async render(req: RenderRequest): Promise<void> {
    const started = Date.now();
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'videoguida-render-'));
    try {
      await this.renderIn(req, work, started);
    } finally {
      // Thousands of frame files: removed asynchronously (rmSync held the event loop ~0.25 s).
      await fs.promises.rm(work, { recursive: true, force: true });
    }
  }

  private async renderIn(req: RenderRequest, work: string, started: number): Promise<void> {
    const t0 = performance.now();
    const narration = await this.options.narrate?.(req, work);
    const narrationSeconds = (performance.now() - t0) / 1000;
    let chromeMs = 0;
    let composeMs = 0;
    let composedFrames = 0;
    let encodedFrames = 0;
    const timed = async <T>(add: (ms: number) => void, fn: () => Promise<T>): Promise<T> => {
      const t = performance.now();
      try {
        return await fn();
      } finally {
        add(performance.now() - t);
      }
    };
    const track = narration?.track;
    const sb = storyboardOf(req.guide, { narrationFrames: track?.frames });
    const res = RESOLUTIONS[this.options.resolution];
    const { cancelSignal, cancel } = makeCancelSignal();
    req.signal.addEventListener('abort', cancel, { once: true });
    const { serveUrl, browser } = await this.chrome();
    this.rendersOnBrowser++;
    const ctx: ChromeContext = { serveUrl, browser, setup: this.options.browserSetup, scale: res.scale, cancelSignal };
    const bundleId = path.basename(serveUrl);
    try {
      const paths: string[] = [];
      let cached = 0;
      let fromStore = 0;
      let basesFromStore = 0;
      const logger = this.options.logger;
      let doneFrames = 0;
      // The personal scenes this worker has not made yet: their layers in one Chrome pass. Shared
      // scenes are left to their own pass, made only if the media store does not have them either.
      const keyOf = (scene: (typeof sb.scenes)[number]) =>
        segmentKey({ bundleId, resolution: this.options.resolution, guide: req.guide, storyboard: sb, scene });
      const personal = sb.scenes.filter((scene) => !isShared(scene) && !this.segments.has(keyOf(scene), '.mp4'));
      const drawn = personal.length
        ? await timed(
            (ms) => (chromeMs += ms),
            () => renderLayersOfScenes(ctx, req.guide, personal, track, path.join(work, 'layers')),
          )
        : new Map<string, PlacedLayer[]>();
      for (const scene of sb.scenes) {
        if (req.signal.aborted) throw new Error('render aborted');
        const key = keyOf(scene);
        if (this.segments.has(key, '.mp4')) cached++;
        // Segments the same for every citizen, and base loops, also come from (and go to) the media store.
        const shared = isShared(scene) ? this.options.sharedCache : null;
        const segment = await this.segments.get(
          key,
          '.mp4',
          viaStore(
            shared,
            `${key}.mp4`,
            'file',
            () => fromStore++,
            async (tmp) => {
              const variant = baseVariantOf(scene.kind);
              const bk = baseKey({ bundleId, resolution: this.options.resolution, variant, presenter: sb.presenter, locale: sb.locale });
              const base = await timed(
                (ms) => (chromeMs += ms),
                () =>
                  this.bases.get(
                    bk,
                    '',
                    viaStore(
                      this.options.sharedCache,
                      `${bk}.frames`,
                      'dir',
                      () => basesFromStore++,
                      (dir) => renderBaseFrames(ctx, { variant, presenter: sb.presenter, locale: sb.locale }, dir),
                      logger,
                    ),
                  ),
              );
              const layerDir = path.join(work, scene.id);
              const layers =
                drawn.get(scene.id) ??
                (await timed(
                  (ms) => (chromeMs += ms),
                  () => renderSceneLayers(ctx, req.guide, scene, track, layerDir),
                ));
              const plan = await timed(
                (ms) => (composeMs += ms),
                () =>
                  composeScene(
                    { basePattern: path.join(base, '%04d.png'), layers, durationInFrames: scene.durationInFrames, out: tmp },
                    {
                      signal: req.signal,
                      onFrame: (f) => req.onProgress((doneFrames + f) / sb.durationInFrames),
                      repeatPeriods: this.options.repeatPeriods,
                    },
                  ),
              );
              composedFrames += scene.durationInFrames;
              encodedFrames += plan.repeats ? plan.head + BASE_LOOP_FRAMES + plan.tail : plan.head;
            },
            logger,
          ),
        );
        paths.push(segment);
        doneFrames += scene.durationInFrames;
        req.onProgress(doneFrames / sb.durationInFrames);
      }
      await concatSegments(paths, path.join(req.outDir, 'video.mp4'), narration?.audioPath ? { audio: narration.audioPath } : {});
      if (narration?.audioPath) fs.copyFileSync(narration.audioPath, path.join(req.outDir, 'audio.m4a'));
      await this.poster(req, track, path.join(req.outDir, 'video.mp4'));
      for (const locale of LOCALES) fs.writeFileSync(path.join(req.outDir, `captions.${locale}.vtt`), webvtt(sb, locale, track?.sentences));
      fs.writeFileSync(path.join(req.outDir, 'captions.vtt'), webvtt(sb, sb.locale, track?.sentences));
      fs.writeFileSync(path.join(req.outDir, 'chapters.json'), `${JSON.stringify(chapters(sb, sb.locale), null, 2)}\n`);
      this.lastStats = {
        scenes: sb.scenes.length,
        cachedScenes: cached,
        storeScenes: fromStore,
        storeBases: basesFromStore,
        seconds: (Date.now() - started) / 1000,
        chromeSeconds: chromeMs / 1000,
        composeSeconds: composeMs / 1000,
        narrationSeconds,
        composedFrames,
        encodedFrames,
      };
      this.options.logger?.debug({ guideId: req.guideId, ...this.lastStats }, 'guide composited');
    } finally {
      req.signal.removeEventListener('abort', cancel);
    }
  }

  /** The poster is a frame of the finished video: no extra Chrome work. */
  private async poster(req: RenderRequest, track: NarrationTrack | undefined, video: string): Promise<void> {
    const frame = posterFrame(req.guide, track);
    await runFfmpeg(['-y', '-i', video, '-vf', `select=eq(n\\,${frame})`, '-frames:v', '1', '-q:v', '3', path.join(req.outDir, 'poster.jpg')]);
  }

  async close(): Promise<void> {
    await this.browser?.close({ silent: true }).catch(() => undefined);
    this.browser = null;
  }
}
