import fs from 'node:fs/promises';
import path from 'node:path';
import { renderStill, selectComposition } from '@remotion/renderer';
import { describe, expect, it } from 'vitest';
import { BASE_LOOP_FRAMES, baseVariantOf, layerOpacity } from '../compositions/common/layers';
import type { Scene } from '../compositions/common/storyboard-types';
import { storyboardOf, type Guide } from '../compositions/guide-types';
import { layersOf } from '../compositions/scenes/layers-of';
import { sampleGuide } from '../compositions/video/default-props';
import { defaultBrowserSetup, remotionTarget } from '../render-worker/browser';
import { useRenderBrowser } from './helpers/render-browser';
import { composite, psnr } from './helpers/ffprobe';

/**
 * The fast renderer draws a scene as the `base` loop plus each `layer` still faded by ffmpeg.
 * That only works if the guide composition draws exactly that sum: checked here pixel by pixel.
 */
const r = useRenderBrowser('render-layers');

async function still(id: string, inputProps: Record<string, unknown>, frame: number, output: string): Promise<void> {
  const setup = defaultBrowserSetup();
  const common = { ...remotionTarget(r.serveUrl, r.browser, setup), inputProps };
  const composition = await selectComposition({ ...common, id });
  await renderStill({ ...common, composition, frame, output, imageFormat: 'png', overwrite: true });
}

/** A frame where some layers are in, one is halfway through its fade and the rest not yet in. */
function midFade(scene: Scene): number {
  const layers = layersOf(scene);
  const l = layers[Math.floor(layers.length / 2)]!;
  return l.in + Math.floor(l.fadeFrames / 2);
}

const naspi = sampleGuide('naspi');
const pensione = sampleGuide('pensione');
const sceneOf = (guide: Guide, id: string): Scene => storyboardOf(guide).scenes.find((s) => s.id === id)!;

// Every scene kind, at frames chosen to catch fades in and out and the base loop wrapping.
const CASES: { name: string; guide: Guide; sceneId: string; frame: (s: Scene) => number }[] = [
  { name: 'greeting, after the base loop wrapped', guide: naspi, sceneId: 'greeting', frame: () => BASE_LOOP_FRAMES + 37 },
  { name: 'status, mid-fade', guide: naspi, sceneId: 'period', frame: midFade },
  { name: 'amount, mid-fade', guide: naspi, sceneId: 'amount', frame: midFade },
  { name: 'calendar, mid-fade', guide: naspi, sceneId: 'payments', frame: midFade },
  { name: 'obligations, during the scene fade-out', guide: naspi, sceneId: 'new-job', frame: (s) => s.durationInFrames - 4 },
  { name: 'services, all in', guide: naspi, sceneId: 'services', frame: (s) => Math.min(s.durationInFrames - 12, 2 * BASE_LOOP_FRAMES + 5) },
  { name: 'closing, mid-fade', guide: naspi, sceneId: 'closing', frame: midFade },
  { name: 'deductions, mid-fade', guide: pensione, sceneId: 'payslip', frame: midFade },
];

describe('guide frame = base + layers (what the compositing renderer rebuilds)', () => {
  it.each(CASES)(
    '$name: ≥ 40 dB PSNR against the full render',
    async ({ guide, sceneId, frame }) => {
      const scene = sceneOf(guide, sceneId);
      const sb = storyboardOf(guide);
      const f = frame(scene);
      const work = path.join(r.dir, `${guide.type}-${sceneId}-${f}`);
      await fs.mkdir(work, { recursive: true });

      await still(guide.type, { guide }, scene.from + f, path.join(work, 'full.png'));
      await still(
        'base',
        { variant: baseVariantOf(scene.kind), presenter: sb.presenter, locale: sb.locale },
        f % BASE_LOOP_FRAMES,
        path.join(work, 'base.png'),
      );
      const layers: { png: string; opacity: number }[] = [];
      for (const l of layersOf(scene)) {
        const opacity = layerOpacity(l, f, scene.durationInFrames);
        if (opacity <= 0) continue;
        const png = path.join(work, `${l.id}.png`);
        await still('layer', { guide, sceneId, layerId: l.id }, 0, png);
        layers.push({ png, opacity });
      }
      expect(layers.length).toBeGreaterThan(0);
      await composite(path.join(work, 'base.png'), layers, path.join(work, 'composite.png'));
      const db = await psnr(path.join(work, 'composite.png'), path.join(work, 'full.png'));
      expect(db).toBeGreaterThanOrEqual(40);

      // The comparison can fail: without its layers the frame is far from the full render.
      if (layers.some((l) => l.opacity > 0.5)) expect(await psnr(path.join(work, 'base.png'), path.join(work, 'full.png'))).toBeLessThan(30);
    },
    120_000,
  );
});
