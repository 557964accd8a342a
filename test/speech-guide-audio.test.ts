import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEAD_IN_FRAMES, PAUSE_FRAMES } from '../compositions/common/storyboard-build';
import { FPS } from '../compositions/common/storyboard-types';
import { narrationTrack } from '../compositions/common/video-props';
import { generateEnvelopes } from '../compositions/generator/generate';
import { envelopeSchema, guideSchema, storyboardOf, type Guide, publicPart } from '../compositions/guide-types';
import { ClipCache } from '../speech/clip-cache';
import { defaultEngine } from '../speech/config';
import { buildGuideAudio, type GuideAudio } from '../speech/guide-audio';
import { measureLoudness } from '../speech/loudness';
import { SENTENCE_GAP_FRAMES, narrateGuide, type GuideNarration } from '../speech/narrate';
import { run } from '../speech/process';
import { wavPcm } from '../speech/wav';
import { readFile } from 'node:fs/promises';

process.env.LOG_LEVEL ??= 'warn';

let dir: string;
let guide: Guide;
let narration: GuideNarration;
let audio: GuideAudio;

// The short RED guide keeps this file's time reasonable; it exercises the same path as the pension guide.
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'speech-audio-test-'));
  const [envelope] = [...generateEnvelopes('red', 1, 'guide-audio')];
  guide = guideSchema.parse(publicPart(envelopeSchema.parse(envelope)));
  narration = await narrateGuide(guide, {
    cache: new ClipCache({ dir: path.join(dir, 'cache'), engine: defaultEngine() }),
    audioUrl: (_f, id) => `/media/narration/${id}.wav`,
  });
  audio = await buildGuideAudio(narration, path.join(dir, 'narration.m4a'));
}, 240_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const seconds = (frames: number) => frames / FPS;

async function silences(file: string): Promise<[number, number][]> {
  const { stderr } = await run('ffmpeg', ['-hide_banner', '-nostats', '-i', file, '-af', 'silencedetect=noise=-45dB:d=0.3', '-f', 'null', '-'], {
    stderrInError: true,
  });
  const out: [number, number][] = [];
  for (const m of stderr.matchAll(/silence_start: (-?[\d.]+)[\s\S]*?silence_end: ([\d.]+)/g)) out.push([Number(m[1]), Number(m[2])]);
  return out;
}

describe('guide narration', () => {
  it('returns a NarrationTrack the compositions accept, laid out on the storyboard', () => {
    expect(narrationTrack.parse(narration.track)).toEqual(narration.track);
    const relaid = storyboardOf(guide, { narrationFrames: narration.track.frames });
    expect(relaid).toEqual(narration.storyboard);
    for (const scene of narration.scenes) {
      const frames = narration.track.frames[scene.sceneId]!;
      expect(scene.durationInFrames).toBeGreaterThanOrEqual(LEAD_IN_FRAMES + frames + PAUSE_FRAMES);
      const cues = narration.track.sentences![scene.sceneId]!;
      expect(cues[0]!.startFrame).toBe(LEAD_IN_FRAMES);
      expect(cues.at(-1)!.endFrame).toBe(LEAD_IN_FRAMES + frames);
      cues.slice(1).forEach((c, i) => expect(c.startFrame).toBe(cues[i]!.endFrame + SENTENCE_GAP_FRAMES));
      expect(narration.track.audio![scene.sceneId]).toBe(`/media/narration/${scene.sceneId}.wav`);
    }
  });

  it('writes one 48 kHz WAV per scene, from the lead-in (where the composition starts it) to the scene end', async () => {
    for (const scene of narration.scenes) {
      const pcm = wavPcm(await readFile(scene.audioPath));
      expect(pcm.length / 2).toBe((scene.durationInFrames - LEAD_IN_FRAMES) * 1600);
      // Speech starts at once: the first 0.2 s are not silent; the last frame, in the pause, is.
      const rms = (from: number, to: number) =>
        Math.sqrt(Array.from({ length: to - from }, (_, i) => pcm.readInt16LE((from + i) * 2) ** 2).reduce((a, b) => a + b, 0) / (to - from));
      expect(rms(0, 48_000 / 5)).toBeGreaterThan(100);
      expect(rms(pcm.length / 2 - 1600, pcm.length / 2)).toBe(0);
    }
  });

  it('encodes AAC 48 kHz whose length is the video duration within one frame', async () => {
    const { stdout } = await run('ffprobe', [
      '-v',
      'error',
      '-show_entries',
      'stream=codec_name,sample_rate,channels:format=duration',
      '-of',
      'json',
      audio.path,
    ]);
    const probe = JSON.parse(stdout.toString()) as { streams: { codec_name: string; sample_rate: string }[]; format: { duration: string } };
    expect(probe.streams).toHaveLength(1);
    expect(probe.streams[0]).toMatchObject({ codec_name: 'aac', sample_rate: '48000' });
    expect(Math.abs(Number(probe.format.duration) - seconds(narration.storyboard.durationInFrames))).toBeLessThanOrEqual(1 / 30);
  });

  it('is loudness-normalised to -16 LUFS with the true peak under -1 dBTP', async () => {
    const m = await measureLoudness(audio.path);
    expect(Math.abs(m.integrated - -16)).toBeLessThanOrEqual(1.5);
    expect(m.truePeak).toBeLessThan(-1);
  });

  it('has speech inside every sentence, silence in the pause between scenes, and no speech elsewhere', async () => {
    const quiet = await silences(audio.path);
    const total = seconds(narration.storyboard.durationInFrames);
    const sentences = narration.scenes.flatMap((s) => s.sentences.map((x) => [seconds(s.from + x.startFrame), seconds(s.from + x.endFrame)] as const));
    const covered = (a: number, b: number) => quiet.some(([qs, qe]) => qs <= a && qe >= b);
    for (const [start, end] of sentences) expect(covered(start + 0.1, end - 0.1), `speech expected in ${start.toFixed(2)}–${end.toFixed(2)} s`).toBe(false);
    narration.scenes.slice(1).forEach((scene, i) => {
      const prev = narration.scenes[i]!;
      const lastEnd = seconds(prev.from + prev.sentences.at(-1)!.endFrame);
      const nextStart = seconds(scene.from + scene.sentences[0]!.startFrame);
      expect(covered(lastEnd + 0.1, nextStart - 0.1), `silence expected between ${lastEnd.toFixed(2)} and ${nextStart.toFixed(2)} s`).toBe(true);
    });
    // Sound is only where the cues say: every stretch of sound lies inside one sentence (0.1 s margin), so
    // captions, scene cuts and speech stay in sync.
    const bounds = [0, ...quiet.flat(), total];
    for (let k = 0; k + 1 < bounds.length; k += 2) {
      const [soundStart, soundEnd] = [bounds[k]!, bounds[k + 1]!];
      if (soundEnd - soundStart < 0.05) continue;
      expect(
        sentences.some(([s, e]) => soundStart >= s - 0.1 && soundEnd <= e + 0.1),
        `sound at ${soundStart.toFixed(2)}–${soundEnd.toFixed(2)} s`,
      ).toBe(true);
    }
  });
});
