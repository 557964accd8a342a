import fs from 'node:fs';
import path from 'node:path';
import { renderFrames, selectComposition, type makeCancelSignal } from '@remotion/renderer';
import { BASE_LOOP_FRAMES, type BaseVariant } from '../../compositions/common/layers';
import type { Scene } from '../../compositions/common/storyboard-types';
import type { Guide } from '../../compositions/guide-types';
import { layersOf } from '../../compositions/scenes/layers-of';
import { remotionTarget, type BrowserSetup, type HeadlessBrowser } from '../browser';
import { cropLayerOffThread } from './crop-layer';
import type { PlacedLayer } from './compose-scene';

type CancelSignal = ReturnType<typeof makeCancelSignal>['cancelSignal'];
type Composition = Awaited<ReturnType<typeof selectComposition>>;

export interface ChromeContext {
  serveUrl: string;
  browser: HeadlessBrowser;
  /** How `browser` was launched: renders must ask for the same Chrome mode. */
  setup: BrowserSetup;
  scale: number;
  cancelSignal?: CancelSignal;
}

const common = (c: ChromeContext) => remotionTarget(c.serveUrl, c.browser, c.setup);

/** Renders every frame of `composition` as a PNG in dir, named by `pattern`, at the context's scale; the context's signal cancels it. */
async function renderPngFrames(
  c: ChromeContext,
  composition: Composition,
  inputProps: Record<string, unknown>,
  dir: string,
  pattern: string,
  concurrency?: number,
): Promise<void> {
  await renderFrames({
    ...common(c),
    composition,
    inputProps,
    outputDir: dir,
    imageFormat: 'png',
    scale: c.scale,
    ...(concurrency ? { concurrency } : {}),
    imageSequencePattern: pattern,
    onStart: () => undefined,
    onFrameUpdate: () => undefined,
    ...(c.cancelSignal ? { cancelSignal: c.cancelSignal } : {}),
  });
}

/** Renders the base loop as PNG frames dir/0000.png … (the only animated thing Chrome draws). */
export async function renderBaseFrames(
  c: ChromeContext,
  props: { variant: BaseVariant; presenter: 'F' | 'M'; locale: 'it' | 'en' },
  dir: string,
): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  const inputProps = props;
  const composition = await selectComposition({ ...common(c), id: 'base', inputProps });
  await renderPngFrames(c, composition, inputProps, dir, '[frame].[ext]');
  // Normalise names to 0000.png … so ffmpeg reads them with one fixed pattern.
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.png'))
    .sort((a, b) => parseInt(a, 10) - parseInt(b, 10));
  if (files.length !== BASE_LOOP_FRAMES) throw new Error(`base rendered ${files.length} frames, expected ${BASE_LOOP_FRAMES}`);
  files.forEach((f, i) => fs.renameSync(path.join(dir, f), path.join(dir, `n${String(i).padStart(4, '0')}.png`)));
  for (const f of fs.readdirSync(dir)) if (f.startsWith('n')) fs.renameSync(path.join(dir, f), path.join(dir, f.slice(1)));
}

/**
 * Every layer of the given scenes as a cropped transparent PNG with its position and timing: ONE
 * renderFrames call over the `scene-layers` strip (its frames are the scenes' layers, scene after
 * scene), so a guide's personal scenes cost one Chrome pass, not one each (docs/rendering.md).
 */
export async function renderLayersOfScenes(
  c: ChromeContext,
  guide: Guide,
  scenes: Scene[],
  narration: unknown,
  dir: string,
): Promise<Map<string, PlacedLayer[]>> {
  fs.mkdirSync(dir, { recursive: true });
  const placed = new Map<string, PlacedLayer[]>(scenes.map((s) => [s.id, []]));
  const strip = scenes.flatMap((scene) => layersOf(scene).map((layer) => ({ scene, layer })));
  if (strip.length === 0) return placed;
  const withLayers = scenes.filter((s) => layersOf(s).length > 0);
  const inputProps = { guide, sceneIds: withLayers.map((s) => s.id), ...(narration ? { narration } : {}) };
  const composition = await selectComposition({ ...common(c), id: 'scene-layers', inputProps });
  if (composition.durationInFrames !== strip.length)
    throw new Error(`scenes ${inputProps.sceneIds.join(', ')}: strip has ${composition.durationInFrames} frames for ${strip.length} layers`);
  await renderPngFrames(c, composition, inputProps, dir, 'layer-[frame].[ext]', 2);
  const files = fs
    .readdirSync(dir)
    .filter((f) => /^layer-\d+\.png$/.test(f))
    .sort((a, b) => parseInt(a.slice(6), 10) - parseInt(b.slice(6), 10));
  if (files.length !== strip.length) throw new Error(`${files.length} layer frames for ${strip.length} layers`);
  // Off the event loop (crop-layer.ts), one layer after the other.
  for (const [i, { scene, layer }] of strip.entries()) {
    const cropped = await cropLayerOffThread(path.join(dir, files[i]!), path.join(dir, `${scene.id}-${layer.id}.png`));
    if (cropped.path) placed.get(scene.id)!.push({ png: cropped.path, x: cropped.x, y: cropped.y, in: layer.in, fadeFrames: layer.fadeFrames });
  }
  return placed;
}

/** One scene's layers (a scene not drawn with the others, e.g. a shared one the store did not have). */
export async function renderSceneLayers(c: ChromeContext, guide: Guide, scene: Scene, narration: unknown, dir: string): Promise<PlacedLayer[]> {
  return (await renderLayersOfScenes(c, guide, [scene], narration, dir)).get(scene.id)!;
}
