import { createHash } from 'node:crypto';
import type { Scene, Storyboard } from '../../compositions/common/storyboard-types';
import { defaultTheme } from '../../compositions/common/theme';
import type { Guide } from '../../compositions/guide-types';
import { SEGMENT_FORMAT_VERSION, type Resolution } from './encoding';

const sha = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex');

function valueAt(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}

export const THEME_HASH = sha(defaultTheme).slice(0, 12);

/**
 * A segment's identity: the code that draws it (bundle id), the encoder settings, the guide type's
 * version, the scene, locale, resolution, presenter, its length, and exactly the guide fields the
 * scene depends on. Two citizens whose scene reads the same values share one segment; a scene with
 * no dependencies is rendered once for everybody.
 */
export function segmentKey(p: { bundleId: string; resolution: Resolution; guide: Guide; storyboard: Storyboard; scene: Scene }): string {
  const { storyboard: sb, scene } = p;
  return sha({
    bundle: p.bundleId,
    format: SEGMENT_FORMAT_VERSION,
    theme: THEME_HASH,
    type: sb.type,
    version: sb.version,
    locale: sb.locale,
    resolution: p.resolution,
    presenter: sb.presenter,
    scene: scene.id,
    kind: scene.kind,
    frames: scene.durationInFrames,
    deps: scene.deps.map((d) => [d, valueAt(p.guide, d)]),
  });
}

export function baseKey(p: { bundleId: string; resolution: Resolution; variant: string; presenter: string; locale: string }): string {
  return sha({ ...p, theme: THEME_HASH, kind: 'base' });
}

/** True when the scene is the same for every citizen of its type, version and locale. */
export const isShared = (scene: Scene): boolean => scene.deps.length === 0;
