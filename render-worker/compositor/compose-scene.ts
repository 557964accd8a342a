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
 * The ffmpeg arguments that draw `durationInFrames` frames of a scene as the composition draws them
 * (compositions/common/layers.ts): the base loop, each still layer faded in linearly, all faded out
 * over the last frames. Blending happens in planar RGB (gbrp): in YUV the text comes out visibly greyer.
 */
function sceneGraph(input: ComposeSceneInput, durationInFrames: number): string[] {
  const { layers } = input;
  const args: string[] = ['-y', '-framerate', String(FPS), '-start_number', '0', '-i', input.basePattern];
  for (const l of layers) args.push('-framerate', String(FPS), '-loop', '1', '-i', l.png);
  const outStart = durationInFrames - SCENE_FADE_OUT_FRAMES;
  // The base loop is decoded and converted once, then replayed from memory by the loop filter.
  const chains: string[] = [`[0:v]format=gbrp,loop=loop=-1:size=${BASE_LOOP_FRAMES}:start=0,setpts=N/(30*TB)[s0]`];
  layers.forEach((l, i) => {
    const fadeIn = l.fadeFrames > 0 ? `fade=t=in:st=${sec(l.in)}:d=${sec(l.fadeFrames)}:alpha=1` : `fade=t=in:st=${sec(l.in)}:d=0.000001:alpha=1`;
    chains.push(
      `[${i + 1}:v]format=rgba,setpts=N/(30*TB),${fadeIn},fade=t=out:st=${sec(outStart)}:d=${sec(SCENE_FADE_OUT_FRAMES)}:alpha=1[l${i}]`,
      `[s${i}][l${i}]overlay=x=${l.x}:y=${l.y}:format=gbrp:eof_action=repeat[s${i + 1}]`,
    );
  });
  chains.push(`[s${layers.length}]format=yuv420p[v]`);
  return [...args, '-filter_complex', chains.join(';'), '-map', '[v]', '-frames:v', String(durationInFrames)];
}

/**
 * Draws a scene into `input.out`: encoded whole, or as entrance + one repeated period + exit. The cut
 * scene is drawn by ONE ffmpeg run of the scene shortened to entrance + one period + exit (the exit
 * starts on base frame 0 with every layer in, exactly as the period does, so the shortened scene is
 * the same picture), with keyframes forced at the two cuts and the segment muxer splitting there:
 * the base loop is decoded and the encoder started once per scene, not once per part.
 */
export async function composeScene(input: ComposeSceneInput, options: ComposeSceneOptions = {}): Promise<ScenePlan> {
  const { repeatPeriods = true, encodeArgs = videoEncodeArgs(), ...run } = options;
  const plan = repeatPeriods ? planScene(input.layers, input.durationInFrames) : { head: input.durationInFrames, repeats: 0, tail: 0 };
  if (plan.repeats === 0) {
    await runFfmpeg([...sceneGraph(input, input.durationInFrames), ...encodeArgs, input.out], run);
    return plan;
  }
  const short = plan.head + BASE_LOOP_FRAMES + plan.tail;
  const cuts = [plan.head, plan.head + BASE_LOOP_FRAMES].filter((f) => f > 0);
  const pattern = `${input.out}.part%d.mp4`;
  const parts = cuts.map((_, i) => pattern.replace('%d', String(i))).concat(pattern.replace('%d', String(cuts.length)));
  // The segment muxer takes the container options the plain mp4 output took (the same time base
  // for every segment, so guide joins stay stream copies).
  const timescale = encodeArgs.indexOf('-video_track_timescale');
  const codecArgs = timescale < 0 ? encodeArgs : encodeArgs.filter((_, i) => i !== timescale && i !== timescale + 1);
  const muxOptions = timescale < 0 ? [] : ['-segment_format_options', `video_track_timescale=${encodeArgs[timescale + 1]}`];
  // Progress counts scene frames: frames past the period's start stand for the copies too.
  const repeated = (plan.repeats - 1) * BASE_LOOP_FRAMES;
  const onFrame = run.onFrame && ((f: number) => run.onFrame!(f <= plan.head ? f : f + Math.min(repeated, ((f - plan.head) * repeated) / BASE_LOOP_FRAMES)));
  try {
    await runFfmpeg(
      [
        ...sceneGraph(input, short),
        ...codecArgs,
        '-force_key_frames',
        `expr:${cuts.map((c) => `eq(n,${c})`).join('+')}`,
        '-f',
        'segment',
        '-segment_frames',
        cuts.join(','),
        '-reset_timestamps',
        '1',
        // Else the first part keeps the encoder's B-frame delay as a start time (2 frames) and the
        // join would be late by it; with it, every part starts at 0 like a plain mp4 output.
        '-avoid_negative_ts',
        'disabled',
        '-segment_format',
        'mp4',
        ...muxOptions,
        pattern,
      ],
      { ...run, ...(onFrame ? { onFrame } : {}) },
    );
    const [head, period, tail] = plan.head > 0 ? parts : [null, ...parts];
    const order = [...(head ? [head] : []), ...Array<string>(plan.repeats).fill(period!), tail!];
    await concatSegments(order, input.out);
  } finally {
    for (const p of parts) fs.rmSync(p, { force: true });
  }
  return plan;
}
