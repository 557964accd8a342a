import fs from 'node:fs';
import path from 'node:path';
import { renderFrames, renderStill, selectComposition, type makeCancelSignal } from '@remotion/renderer';
import { BASE_LOOP_FRAMES, type BaseVariant } from '../../compositions/common/layers';
import type { Scene } from '../../compositions/common/storyboard-types';
import type { Guide } from '../../compositions/guide-types';
import { layersOf } from '../../compositions/scenes/layers-of';
import { browserSetup, type HeadlessBrowser } from '../browser';
import { cropLayer } from './crop-layer';
import type { PlacedLayer } from './compose-scene';

type CancelSignal = ReturnType<typeof makeCancelSignal>['cancelSignal'];

export interface ChromeContext {
  serveUrl: string;
  browser: HeadlessBrowser;
  scale: number;
  cancelSignal?: CancelSignal;
}

const common = (c: ChromeContext) => {
  const setup = browserSetup();
  return { serveUrl: c.serveUrl, puppeteerInstance: c.browser, chromeMode: setup.chromeMode, chromiumOptions: setup.chromiumOptions, logLevel: 'error' as const };
};

/** Renders the base loop as PNG frames dir/0000.png … (the only animated thing Chrome draws). */
export async function renderBaseFrames(
  c: ChromeContext,
  props: { variant: BaseVariant; presenter: 'F' | 'M'; locale: 'it' | 'en' },
  dir: string,
): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  const inputProps = props;
  const composition = await selectComposition({ ...common(c), id: 'base', inputProps });
  await renderFrames({
    ...common(c),
    composition,
    inputProps,
    outputDir: dir,
    imageFormat: 'png',
    scale: c.scale,
    imageSequencePattern: '[frame].[ext]',
    onStart: () => undefined,
    onFrameUpdate: () => undefined,
    ...(c.cancelSignal ? { cancelSignal: c.cancelSignal } : {}),
  });
  // Normalise names to 0000.png … so ffmpeg reads them with one fixed pattern.
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.png')).sort((a, b) => parseInt(a, 10) - parseInt(b, 10));
  if (files.length !== BASE_LOOP_FRAMES) throw new Error(`base rendered ${files.length} frames, expected ${BASE_LOOP_FRAMES}`);
  files.forEach((f, i) => fs.renameSync(path.join(dir, f), path.join(dir, `n${String(i).padStart(4, '0')}.png`)));
  for (const f of fs.readdirSync(dir)) if (f.startsWith('n')) fs.renameSync(path.join(dir, f), path.join(dir, f.slice(1)));
}

/** Every layer of a scene as a cropped transparent PNG with its position and timing. */
export async function renderSceneLayers(c: ChromeContext, guide: Guide, scene: Scene, narration: unknown, dir: string): Promise<PlacedLayer[]> {
  fs.mkdirSync(dir, { recursive: true });
  const placed: PlacedLayer[] = [];
  let composition: Awaited<ReturnType<typeof selectComposition>> | null = null;
  for (const layer of layersOf(scene)) {
    const inputProps = { guide, sceneId: scene.id, layerId: layer.id, ...(narration ? { narration } : {}) };
    composition ??= await selectComposition({ ...common(c), id: 'layer', inputProps });
    const full = path.join(dir, `${layer.id}.full.png`);
    await renderStill({
      ...common(c),
      // The component receives composition.props, not inputProps: give each layer its own.
      composition: { ...composition, props: inputProps },
      inputProps,
      output: full,
      imageFormat: 'png',
      scale: c.scale,
      overwrite: true,
      ...(c.cancelSignal ? { cancelSignal: c.cancelSignal } : {}),
    });
    const cropped = cropLayer(full, path.join(dir, `${layer.id}.png`));
    fs.rmSync(full, { force: true });
    if (cropped.path) placed.push({ png: cropped.path, x: cropped.x, y: cropped.y, in: layer.in, fadeFrames: layer.fadeFrames });
  }
  return placed;
}
