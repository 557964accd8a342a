import { BASE_LOOP_FRAMES, SCENE_FADE_OUT_FRAMES } from '../../compositions/common/layers';
import { runFfmpeg, type RunOptions } from '../ffmpeg';
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

const sec = (frames: number) => (frames / FPS).toFixed(6);

/**
 * Draws a scene the way the composition does (compositions/common/layers.ts): the base loop,
 * then each still layer faded in linearly and all faded out over the scene's last frames.
 * Blending happens in planar RGB (gbrp): in YUV the text comes out visibly greyer.
 */
export function composeScene(input: ComposeSceneInput, options: RunOptions = {}): Promise<void> {
  const { layers, durationInFrames } = input;
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
  args.push('-filter_complex', chains.join(';'), '-map', '[v]', '-frames:v', String(durationInFrames), ...videoEncodeArgs(), input.out);
  return runFfmpeg(args, options);
}
