/**
 * How a scene is drawn: the contract between the live composition (React, in the player and in
 * Remotion renders) and the fast renderer (ffmpeg compositing of cached pieces, render-worker/).
 *
 * A scene frame = BASE + LAYERS.
 * - BASE: the background and the presenter figure, animated as a seamless loop of BASE_LOOP_FRAMES.
 *   It depends only on (base variant, presenter, locale, theme, resolution) and on
 *   `sceneFrame % BASE_LOOP_FRAMES` — never on the citizen's data nor on the scene's duration or
 *   position in the guide. So it is rendered once and reused by every scene of every guide.
 * - LAYERS: still images (they never change with the frame) drawn over the base, each fading in
 *   linearly over `fadeFrames` from scene frame `in`, and all fading out together over the last
 *   SCENE_FADE_OUT_FRAMES frames of the scene. A layer is a pure function of the scene's content, so
 *   the renderer can draw it once as a transparent PNG (renderStill) and let ffmpeg fade it.
 *
 * Nothing crosses a scene boundary: the first frame of every scene shows the base alone, so
 * segments rendered separately join without a visible seam.
 */
import type { SceneKind } from './storyboard-types';

export const BASE_LOOP_FRAMES = 120;
export const SCENE_FADE_OUT_FRAMES = 9;
/** No layer may start before this frame: the first frames of a scene are the base alone. */
export const FIRST_LAYER_FRAME = 3;

export interface LayerTiming {
  id: string;
  /** Scene frame where the fade-in starts. */
  in: number;
  fadeFrames: number;
}

/** Which base a scene uses: the greeting shows the presenter large, the others beside the content. */
export type BaseVariant = 'greeting' | 'side';
export const baseVariantOf = (kind: SceneKind): BaseVariant => (kind === 'greeting' || kind === 'closing' ? 'greeting' : 'side');

/** Opacity of a layer at a scene frame; ffmpeg's linear `fade` filters reproduce it exactly. */
export function layerOpacity(layer: LayerTiming, frame: number, durationInFrames: number): number {
  const fadeIn = layer.fadeFrames <= 0 ? (frame >= layer.in ? 1 : 0) : Math.min(1, Math.max(0, (frame - layer.in) / layer.fadeFrames));
  const outStart = durationInFrames - SCENE_FADE_OUT_FRAMES;
  const fadeOut = Math.min(1, Math.max(0, (durationInFrames - frame) / SCENE_FADE_OUT_FRAMES));
  return frame < outStart ? fadeIn : Math.min(fadeIn, fadeOut);
}
