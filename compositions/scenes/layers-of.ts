/**
 * Which layers a scene has and when each fades in: the one description both the React scene and
 * the compositing renderer read (see common/layers.ts). Pure and frame-free: a layer's timing
 * depends only on its own scene (kind, content, duration), never on the scene's place in the guide.
 */
import { FIRST_LAYER_FRAME, SCENE_FADE_OUT_FRAMES, type LayerTiming } from '../common/layers';
import type { ClosingContent, Scene } from '../common/storyboard-types';
import { defaultTheme } from '../common/theme';

export const FADE_FRAMES = 12;
/** Lists appear one item at a time, at most this far apart, at least this far. */
const MAX_STEP = 30;
const MIN_STEP = 4;

/** The closing ends on the contact centre's number, unless its text already gives it. */
export const closingNeedsContact = (content: ClosingContent): boolean => !Object.values(content.text).some((t) => t.includes(defaultTheme.contactCenter));

const range = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

/**
 * Layer ids in drawing order, split into the lead (shown together at the start, a few frames
 * apart) and the items (spread over the first part of the narration, one by one).
 */
export function layerPlan(scene: Scene): { lead: string[]; items: string[]; tail: string[] } {
  switch (scene.kind) {
    case 'greeting':
      return { lead: scene.content.name ? ['salutation', 'name'] : ['salutation'], items: [], tail: ['subtitle'] };
    case 'amount':
      return { lead: ['headline', 'amount'], items: range('row', scene.content.rows.length), tail: scene.content.note ? ['note'] : [] };
    case 'calendar':
      return { lead: ['headline'], items: range('entry', scene.content.entries.length), tail: scene.content.note ? ['note'] : [] };
    case 'deductions':
      return { lead: ['headline', 'gross'], items: range('line', scene.content.lines.length), tail: ['net', ...(scene.content.note ? ['note'] : [])] };
    case 'status':
      return {
        lead: ['headline', 'badge'],
        items: [...range('fact', scene.content.facts.length), ...range('step', scene.content.steps.length)],
        tail: [],
      };
    case 'obligations':
      return { lead: ['headline'], items: range('item', scene.content.items.length), tail: [] };
    case 'services':
      return { lead: ['headline'], items: range('card', scene.content.items.length), tail: [] };
    case 'closing':
      return {
        lead: ['headline', 'text'],
        items: [],
        tail: [...(scene.content.availableUntil ? ['until'] : []), ...(closingNeedsContact(scene.content) ? ['signoff'] : [])],
      };
  }
}

export function layersOf(scene: Scene): LayerTiming[] {
  const { lead, items, tail } = layerPlan(scene);
  const d = scene.durationInFrames;
  const wanted: { id: string; at: number }[] = [];
  lead.forEach((id, i) => wanted.push({ id, at: FIRST_LAYER_FRAME + i * 8 }));
  const itemsFrom = FIRST_LAYER_FRAME + lead.length * 8 + 8;
  // Items arrive over roughly the first half of the scene, while the narration walks through them.
  const step = items.length ? Math.max(MIN_STEP, Math.min(MAX_STEP, Math.floor((d * 0.5 - itemsFrom) / items.length))) : 0;
  items.forEach((id, i) => wanted.push({ id, at: itemsFrom + i * step }));
  const tailFrom = itemsFrom + items.length * step + (items.length ? 6 : 16);
  tail.forEach((id, i) => wanted.push({ id, at: tailFrom + i * 10 }));

  // Every layer must be fully in before the scene fades out; short scenes (measured narration can
  // be brief) squeeze the schedule proportionally rather than drop a layer.
  const last = Math.max(...wanted.map((w) => w.at));
  const limit = d - SCENE_FADE_OUT_FRAMES - 1;
  const fadeFrames = Math.max(1, Math.min(FADE_FRAMES, Math.floor((limit - FIRST_LAYER_FRAME) / 2)));
  const latest = limit - fadeFrames;
  const squeeze = last > latest ? (latest - FIRST_LAYER_FRAME) / Math.max(1, last - FIRST_LAYER_FRAME) : 1;
  return wanted.map((w) => ({
    id: w.id,
    in: Math.max(FIRST_LAYER_FRAME, FIRST_LAYER_FRAME + Math.floor((w.at - FIRST_LAYER_FRAME) * squeeze)),
    fadeFrames,
  }));
}

/** The first scene frame at which every layer is fully visible (stills and posters use it). */
export function settledFrame(scene: Scene): number {
  const layers = layersOf(scene);
  return Math.max(...layers.map((l) => l.in + l.fadeFrames));
}
