import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_LOOP_FRAMES } from '../compositions/common/layers';
import { composeScene, planScene, type PlacedLayer } from '../render-worker/compositor/compose-scene';

const run = promisify(execFile);
const ffmpeg = (...args: string[]) => run('ffmpeg', ['-v', 'error', '-y', ...args]);

/** Per-frame PSNR (dB, RGB) of two videos of the same size: one value a frame, in order. */
async function framePsnrs(a: string, b: string, dir: string): Promise<number[]> {
  const stats = path.join(dir, `psnr-${path.basename(a)}-${path.basename(b)}.log`);
  await ffmpeg('-i', a, '-i', b, '-lavfi', `[0]format=gbrp[x];[1]format=gbrp[y];[x][y]psnr=stats_file=${stats}`, '-f', 'null', '-');
  return fs
    .readFileSync(stats, 'utf8')
    .trim()
    .split('\n')
    .map((l) => {
      const m = /psnr_avg:(inf|[\d.]+)/.exec(l);
      return m![1] === 'inf' ? Infinity : Number(m![1]);
    });
}

async function frameCount(video: string): Promise<{ frames: number; seconds: number }> {
  const { stdout } = await run('ffprobe', [
    '-v',
    'error',
    '-count_frames',
    '-select_streams',
    'v:0',
    '-show_entries',
    'stream=nb_read_frames:format=duration',
    '-of',
    'json',
    video,
  ]);
  const j = JSON.parse(stdout) as { streams: { nb_read_frames: string }[]; format: { duration: string } };
  return { frames: Number(j.streams[0]!.nb_read_frames), seconds: Number(j.format.duration) };
}

describe('a scene whose picture repeats is encoded as entrance + one period copied + exit', () => {
  let dir: string;
  let layers: PlacedLayer[];
  const basePattern = () => path.join(dir, 'base', '%04d.png');

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vg-compose-periods-'));
    fs.mkdirSync(path.join(dir, 'base'));
    // A base that changes every frame: a dropped, doubled or shifted frame at a join shows at once.
    await ffmpeg(
      '-f',
      'lavfi',
      '-i',
      'testsrc2=size=320x180:rate=30,gblur=sigma=1.5',
      '-frames:v',
      String(BASE_LOOP_FRAMES),
      '-start_number',
      '0',
      basePattern(),
    );
    await ffmpeg('-f', 'lavfi', '-i', 'color=c=red@0.8:s=96x40,format=rgba', '-frames:v', '1', path.join(dir, 'a.png'));
    await ffmpeg('-f', 'lavfi', '-i', 'color=c=white@0.9:s=120x30,format=rgba', '-frames:v', '1', path.join(dir, 'b.png'));
    layers = [
      { png: path.join(dir, 'a.png'), x: 20, y: 20, in: 3, fadeFrames: 15 },
      { png: path.join(dir, 'b.png'), x: 150, y: 120, in: 140, fadeFrames: 20 },
    ];
  }, 60_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('plans the cut at the first period boundary after the last fade-in, and encodes short scenes whole', () => {
    // Last fade-in ends at 160 → entrance 240 frames; 1000 − 9 − 240 = 751 still frames → 6 periods.
    expect(planScene(layers, 1000)).toEqual({ head: 240, repeats: 6, tail: 40 });
    expect(planScene(layers, 400)).toEqual({ head: 400, repeats: 0, tail: 0 });
    expect(planScene([], 500)).toEqual({ head: 0, repeats: 4, tail: 20 });
  });

  // What each encoding is measured against: the same scene encoded whole and losslessly.
  const LOSSLESS = ['-c:v', 'libx264', '-preset', 'ultrafast', '-qp', '0', '-pix_fmt', 'yuv420p', '-r', '30', '-an'];
  const scene = (out: string) => ({ basePattern: basePattern(), layers, durationInFrames: 1000, out });

  it('is frame-exact at every join and as good as encoding the whole scene', async () => {
    const [ref, whole, cut] = ['ref.mp4', 'whole.mp4', 'cut.mp4'].map((f) => path.join(dir, f)) as [string, string, string];
    await composeScene(scene(ref), { repeatPeriods: false, encodeArgs: LOSSLESS });
    await composeScene(scene(whole), { repeatPeriods: false });
    const plan = await composeScene(scene(cut));
    expect(plan).toEqual({ head: 240, repeats: 6, tail: 40 });
    expect(await frameCount(cut)).toEqual(await frameCount(whole));
    expect((await frameCount(cut)).frames).toBe(1000);
    const [wholeDb, cutDb] = [await framePsnrs(whole, ref, dir), await framePsnrs(cut, ref, dir)];
    expect(cutDb).toHaveLength(1000);
    // As good as the whole encoding at its worst frame and on average (x264 puts its keyframes
    // elsewhere, so single frames differ both ways); a frame out of place is far worse (next test).
    const mean = (xs: number[]) => xs.reduce((t, x) => t + x, 0) / xs.length;
    expect(Math.min(...cutDb)).toBeGreaterThanOrEqual(Math.min(...wholeDb) - 1);
    expect(mean(cutDb)).toBeGreaterThanOrEqual(mean(wholeDb) - 0.5);
    // Nothing of the parts is left beside the segment.
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('cut.mp4.'))).toEqual([]);
  }, 180_000);

  it('would show a frame out of place: the same scene one frame late is far worse than the whole encoding', async () => {
    const shifted = path.join(dir, 'shifted.mp4');
    await ffmpeg(
      '-i',
      path.join(dir, 'whole.mp4'),
      '-vf',
      'trim=start_frame=1,setpts=PTS-STARTPTS',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-qp',
      '0',
      shifted,
    );
    const [wholeDb, shiftedDb] = [
      await framePsnrs(path.join(dir, 'whole.mp4'), path.join(dir, 'ref.mp4'), dir),
      await framePsnrs(shifted, path.join(dir, 'ref.mp4'), dir),
    ];
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean(wholeDb) - mean(shiftedDb)).toBeGreaterThan(5);
  }, 120_000);
});
