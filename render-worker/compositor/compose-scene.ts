import fs from 'node:fs';
import { BASE_LOOP_FRAMES, SCENE_FADE_OUT_FRAMES } from '../../compositions/common/layers';
import { runFfmpeg, type RunOptions } from '../ffmpeg';
import { concatSegments } from './concat';
import { FPS, videoEncodeArgs } from './encoding';

export interface PlacedLayer {
  png: string;
  x: number;
  y: number;
  /** Scene frame where the fade-in starts, and its length in frames (layers.ts). */
  in: number;
  fadeFrames: number;
}

export interface ComposeSceneInput {
  /** printf pattern of the base loop's PNG frames, e.g. /cache/base/x/%04d.png (frames 0..n-1). */
  basePattern: string;
  layers: PlacedLayer[];
  durationInFrames: number;
  out: string;
}

export interface ComposeSceneOptions extends RunOptions {
  /** Encode one base period and repeat it by stream copy where the picture repeats (default true). */
  repeatPeriods?: boolean;
  /** The encoder's arguments (default: the segment format, encoding.ts); a lossless reference passes its own. */
  encodeArgs?: string[];
}

/**
 * How a scene is cut for encoding. Once every layer is fully in and until the fade-out starts, a
 * frame is base frame `f % BASE_LOOP_FRAMES` under still layers at full opacity: the picture repeats
 * with the base loop's period. So the scene is its entrance (`head` frames, up to the first period
 * boundary after the last fade-in), one period encoded once and stream-copied `repeats` times, and
 * its exit (the rest: whole periods too few to repeat, and the fade-out). Every part starts on a base
 * frame 0 (or the scene's first frame) with its own IDR frame, so the joins are frame-exact.
 */
export interface ScenePlan {
  head: number;
  repeats: number;
  tail: number;
}

export function planScene(layers: Pick<PlacedLayer, 'in' | 'fadeFrames'>[], durationInFrames: number): ScenePlan {
  const settled = Math.max(0, ...layers.map((l) => l.in + Math.max(1, l.fadeFrames)));
  const head = Math.ceil(settled / BASE_LOOP_FRAMES) * BASE_LOOP_FRAMES;
  const still = durationInFrames - SCENE_FADE_OUT_FRAMES - head;
  const repeats = Math.floor(Math.max(0, still) / BASE_LOOP_FRAMES);
  // One period plus its copies must beat encoding them: fewer than two periods are encoded whole.
  if (repeats < 2) return { head: durationInFrames, repeats: 0, tail: 0 };
  return { head, repeats, tail: durationInFrames - head - repeats * BASE_LOOP_FRAMES };
}

const sec = (frames: number) => (frames / FPS).toFixed(6);

/**
 * The filter graph of `frames` scene frames from `start` (a multiple of the base period, so the base
 * loop starts at its frame 0), as the composition draws them (compositions/common/layers.ts): the base
 * loop, each still layer faded in linearly, all faded out over the scene's last frames. Blending
 * happens in planar RGB (gbrp): in YUV the text comes out visibly greyer.
 */
function encodePart(input: ComposeSceneInput, start: number, frames: number, out: string, encodeArgs: string[], options: RunOptions): Promise<void> {
  const { layers, durationInFrames } = input;
  const args: string[] = ['-y', '-framerate', String(FPS), '-start_number', '0', '-i', input.basePattern];
  for (const l of layers) args.push('-framerate', String(FPS), '-loop', '1', '-i', l.png);
  const outStart = durationInFrames - SCENE_FADE_OUT_FRAMES - start;
  // The base loop is decoded and converted once, then replayed from memory by the loop filter.
  const chains: string[] = [`[0:v]format=gbrp,loop=loop=-1:size=${BASE_LOOP_FRAMES}:start=0,setpts=N/(30*TB)[s0]`];
  layers.forEach((l, i) => {
    const at = l.in - start;
    // A layer already fully in at `start` is drawn opaque; one that fades in later keeps its timing.
    const fadeIn =
      at + Math.max(1, l.fadeFrames) <= 0
        ? ''
        : l.fadeFrames > 0
          ? `fade=t=in:st=${sec(at)}:d=${sec(l.fadeFrames)}:alpha=1,`
          : `fade=t=in:st=${sec(at)}:d=0.000001:alpha=1,`;
    const fadeOut = outStart < frames ? `,fade=t=out:st=${sec(outStart)}:d=${sec(SCENE_FADE_OUT_FRAMES)}:alpha=1` : '';
    chains.push(
      `[${i + 1}:v]format=rgba,setpts=N/(30*TB),${fadeIn}null${fadeOut}[l${i}]`,
      `[s${i}][l${i}]overlay=x=${l.x}:y=${l.y}:format=gbrp:eof_action=repeat[s${i + 1}]`,
    );
  });
  chains.push(`[s${layers.length}]format=yuv420p[v]`);
  args.push('-filter_complex', chains.join(';'), '-map', '[v]', '-frames:v', String(frames), ...encodeArgs, out);
  return runFfmpeg(args, options);
}

/** Draws a scene into `input.out`: encoded whole, or as entrance + one repeated period + exit. */
export async function composeScene(input: ComposeSceneInput, options: ComposeSceneOptions = {}): Promise<ScenePlan> {
  const { repeatPeriods = true, encodeArgs = videoEncodeArgs(), ...run } = options;
  const plan = repeatPeriods ? planScene(input.layers, input.durationInFrames) : { head: input.durationInFrames, repeats: 0, tail: 0 };
  if (plan.repeats === 0) {
    await encodePart(input, 0, input.durationInFrames, input.out, encodeArgs, run);
    return plan;
  }
  const part = (name: string) => `${input.out}.${name}.mp4`;
  const parts = { head: part('head'), period: part('period'), tail: part('tail') };
  const tailStart = plan.head + plan.repeats * BASE_LOOP_FRAMES;
  // Progress counts scene frames: the period stands for all its copies.
  const at = (offset: number, scale = 1) => ({ ...run, onFrame: run.onFrame && ((f: number) => run.onFrame!(offset + f * scale)) });
  try {
    // A scene without layers is the base loop from its first frame: no entrance to encode.
    if (plan.head > 0) await encodePart(input, 0, plan.head, parts.head, encodeArgs, at(0));
    await encodePart(input, plan.head, BASE_LOOP_FRAMES, parts.period, encodeArgs, at(plan.head, plan.repeats));
    await encodePart(input, tailStart, plan.tail, parts.tail, encodeArgs, at(tailStart));
    const order = [...(plan.head > 0 ? [parts.head] : []), ...Array<string>(plan.repeats).fill(parts.period), parts.tail];
    await concatSegments(order, input.out);
  } finally {
    for (const p of Object.values(parts)) fs.rmSync(p, { force: true });
  }
  return plan;
}
