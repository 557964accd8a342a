import { BASE_LOOP_FRAMES } from '../../common/layers';

/**
 * The presenter's pose at a base frame. Every motion is periodic in BASE_LOOP_FRAMES (whole
 * numbers of cycles per loop), so frame BASE_LOOP_FRAMES is frame 0 and the loop never jumps.
 */
export interface Pose {
  /** Head tilt, degrees. */
  tilt: number;
  /** Head lift, px in the figure's 400x500 box. */
  nod: number;
  /** Chest rise for breathing, a vertical scale near 1. */
  breath: number;
  /** 1 open, 0 shut. */
  eyes: number;
  /** 0 closed (smiling), 1 wide open. */
  mouth: number;
  /** Eyebrow lift, px. */
  brow: number;
}

const TAU = Math.PI * 2;

export function poseAt(frame: number): Pose {
  const f = ((frame % BASE_LOOP_FRAMES) + BASE_LOOP_FRAMES) % BASE_LOOP_FRAMES;
  const t = f / BASE_LOOP_FRAMES;
  // One blink per loop: 6 frames, shut in the middle.
  const blinkAt = 62;
  const eyes = f >= blinkAt && f < blinkAt + 6 ? Math.abs(f - (blinkAt + 2.5)) / 3 : 1;
  // Syllables (9 per loop) under a slower phrase envelope (2 per loop), with short rests.
  const syllable = Math.max(0, Math.sin(TAU * 9 * t));
  const phrase = 0.5 + 0.5 * Math.sin(TAU * 2 * t + 1.1);
  return {
    tilt: 1.6 * Math.sin(TAU * t),
    nod: 1.8 * Math.sin(TAU * 2 * t + 0.6),
    breath: 1 + 0.007 * Math.sin(TAU * 3 * t),
    eyes: Math.min(1, eyes),
    mouth: syllable * (0.25 + 0.75 * phrase),
    brow: 2.2 * Math.max(0, Math.sin(TAU * 2 * t + 0.3)),
  };
}
