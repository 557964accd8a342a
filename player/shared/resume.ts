import type { Storyboard } from '../../compositions/common/storyboard-types';
import { sceneAt } from './guide-model';
import { store } from './token';

/**
 * Where the citizen stopped, on this device: a scene id and an offset (they survive the narration
 * changing the layout), under a hash of the token. No personal data.
 */
const keyOf = (tokenKey: string) => `vg:pos:${tokenKey}`;
// Closer than this to either end, starting over is what the citizen wants.
const MARGIN_FRAMES = 90;

export function savedFrame(tokenKey: string, sb: Storyboard): number {
  try {
    const raw = JSON.parse(store.get(keyOf(tokenKey)) ?? 'null') as { s?: unknown; o?: unknown } | null;
    if (!raw || typeof raw.s !== 'string' || typeof raw.o !== 'number') return 0;
    const scene = sb.scenes.find((x) => x.id === raw.s);
    if (!scene) return 0;
    const frame = scene.from + Math.min(Math.max(0, Math.round(raw.o)), scene.durationInFrames - 1);
    return frame < MARGIN_FRAMES || frame > sb.durationInFrames - MARGIN_FRAMES ? 0 : frame;
  } catch {
    return 0;
  }
}

export function saveFrame(tokenKey: string, sb: Storyboard, frame: number): void {
  if (frame > sb.durationInFrames - MARGIN_FRAMES) {
    store.remove(keyOf(tokenKey));
    return;
  }
  const s = sceneAt(sb, frame);
  store.set(keyOf(tokenKey), JSON.stringify({ s: s.id, o: frame - s.from }));
}
