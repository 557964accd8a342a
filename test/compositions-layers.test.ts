import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GUIDE_TYPES, type GuideType } from '../compositions/common/envelope';
import { BASE_LOOP_FRAMES, FIRST_LAYER_FRAME, layerOpacity, SCENE_FADE_OUT_FRAMES } from '../compositions/common/layers';
import { videoProps } from '../compositions/common/video-props';
import { generateEnvelopes } from '../compositions/generator/generate';
import { envelopeSchema, guideSchema, GUIDE_TYPE_DEFINITIONS, storyboardOf, type Guide, publicPart } from '../compositions/guide-types';
import { layerPlan, layersOf, settledFrame } from '../compositions/scenes/layers-of';
import { poseAt } from '../compositions/scenes/presenter/pose';
import { sampleGuide } from '../compositions/video/default-props';

function guides(type: GuideType, n: number, seed: string): Guide[] {
  return [...generateEnvelopes(type, n, seed)].map((e) => guideSchema.parse(publicPart(envelopeSchema.parse(e))));
}

describe('layersOf: the layer contract shared with the compositing renderer', () => {
  it('gives every scene unique layers that are all fully in before the scene fades out', () => {
    for (const type of GUIDE_TYPES) {
      for (const guide of guides(type, 12, 'layers')) {
        // Measured narration can be much shorter than the estimate: squeeze the schedule too.
        for (const narrationFrames of [undefined, Object.fromEntries(storyboardOf(guide).scenes.map((s) => [s.id, 0]))]) {
          for (const scene of storyboardOf(guide, { narrationFrames }).scenes) {
            const layers = layersOf(scene);
            const where = `${type}/${scene.id} (${scene.durationInFrames} frames)`;
            expect(layers.length, where).toBeGreaterThan(0);
            expect(new Set(layers.map((l) => l.id)).size, where).toBe(layers.length);
            for (const l of layers) {
              expect(Number.isInteger(l.in) && Number.isInteger(l.fadeFrames), where).toBe(true);
              expect(l.in, where).toBeGreaterThanOrEqual(FIRST_LAYER_FRAME);
              expect(l.fadeFrames, where).toBeGreaterThan(0);
              expect(l.in + l.fadeFrames, `${where} ${l.id}`).toBeLessThanOrEqual(scene.durationInFrames - SCENE_FADE_OUT_FRAMES);
            }
            // Entrances never go backwards: lists appear top to bottom.
            layers.slice(1).forEach((l, i) => expect(l.in, where).toBeGreaterThanOrEqual(layers[i]!.in));
            // The first frame shows the base alone, so separately rendered scenes join cleanly.
            for (const l of layers) expect(layerOpacity(l, 0, scene.durationInFrames)).toBe(0);
            expect(settledFrame(scene)).toBeLessThanOrEqual(scene.durationInFrames - SCENE_FADE_OUT_FRAMES);
          }
        }
      }
    }
  });

  it('has one layer per list item: calendar entries, breakdown rows, payslip lines, steps', () => {
    for (const type of GUIDE_TYPES) {
      for (const scene of storyboardOf(guides(type, 1, 'items')[0]!).scenes) {
        const ids = layersOf(scene).map((l) => l.id);
        const count = (prefix: string): number => ids.filter((id) => id.startsWith(`${prefix}-`)).length;
        const c = scene.content as unknown as Record<string, unknown[]>;
        if (scene.kind === 'calendar') expect(count('entry')).toBe(c.entries!.length);
        if (scene.kind === 'amount') expect(count('row')).toBe(c.rows!.length);
        if (scene.kind === 'deductions') expect(count('line')).toBe(c.lines!.length);
        if (scene.kind === 'status') expect(count('step') + count('fact')).toBe(c.steps!.length + c.facts!.length);
        if (scene.kind === 'obligations') expect(count('item')).toBe(c.items!.length);
        if (scene.kind === 'services') expect(count('card')).toBe(c.items!.length);
      }
    }
  });

  it('depends on the scene alone, not on where it sits in the guide', () => {
    const sb = storyboardOf(guides('pensione', 1, 'position')[0]!);
    for (const scene of sb.scenes) {
      expect(layersOf({ ...scene, from: scene.from + 12_345 })).toEqual(layersOf(scene));
      expect(layerPlan({ ...scene, from: 0 })).toEqual(layerPlan(scene));
    }
  });

  it('loops the presenter seamlessly: base frame BASE_LOOP_FRAMES is base frame 0', () => {
    for (let f = 0; f < 10; f++) {
      const a = poseAt(f);
      const b = poseAt(f + BASE_LOOP_FRAMES);
      for (const k of Object.keys(a) as (keyof typeof a)[]) expect(b[k]).toBeCloseTo(a[k], 9);
    }
    // ...and moves: a loop that never changes would be a still.
    expect(poseAt(0)).not.toEqual(poseAt(BASE_LOOP_FRAMES / 4));
  });
});

describe('compositions registry', () => {
  it('default props of every guide composition are a valid generated guide for its schema', () => {
    for (const type of GUIDE_TYPES) {
      const guide = sampleGuide(type);
      expect(guide.type).toBe(type);
      expect(videoProps(GUIDE_TYPE_DEFINITIONS[type].guide).safeParse({ guide }).success).toBe(true);
      expect(JSON.stringify(guide)).not.toMatch(/fiscalCode|externalRef/);
    }
  });

  it('compositions/ imports nothing server-side and nothing Node-only', async () => {
    const root = path.resolve('compositions');
    const files: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const e of await fs.readdir(dir, { withFileTypes: true })) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) await walk(full);
        else if (/\.tsx?$/.test(e.name)) files.push(full);
      }
    };
    await walk(root);
    // The generator CLI is a Node entry point beside the domain, not part of what the bundle loads.
    const browserSide = files.filter((f) => !f.endsWith('-cli.ts'));
    expect(browserSide.length).toBeGreaterThan(30);
    for (const file of browserSide) {
      const text = await fs.readFile(file, 'utf8');
      const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]!);
      for (const spec of specs) {
        expect(spec.startsWith('node:'), `${path.relative(root, file)} imports ${spec}`).toBe(false);
        expect(/(^|\/)(server|api|render-worker|player)\//.test(spec), `${path.relative(root, file)} imports ${spec}`).toBe(false);
      }
    }
  });
});
