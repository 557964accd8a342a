import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { publishAtomic, tempBeside } from '../server/files/atomic-write';
import { measureLoudness, type LoudnessMeasurement } from './loudness';
import { speechLogger } from './log';
import type { Logger } from '../server/logger';
import type { GuideNarration } from './narrate';
import { run } from './process';
import { LEAD_IN_FRAMES } from '../compositions/common/storyboard-build';
import { SAMPLE_RATE, bytesToFrames, pcmToWav, silence, wavPcm } from './wav';

export interface LoudnessTarget {
  /** Integrated loudness, LUFS. */
  integrated: number;
  /** Ceiling for the true peak of the encoded file, dBTP. */
  truePeak: number;
  lra: number;
}

export const SPEECH_LOUDNESS: LoudnessTarget = { integrated: -16, truePeak: -1.2, lra: 11 };

// The synthetic voices' pulse-like waveforms make AAC overshoot the PCM's true peak (measured: up
// to +2 dB at 96 kb/s, +0.2 dB at 160 kb/s). So loudnorm aims lower than the ceiling, the bitrate
// is generous for mono speech, and the encoded file is measured and re-encoded quieter if needed.
const LOUDNORM_PEAK_MARGIN_DB = 0.8;
const AAC_BITRATE = '160k';
const MAX_ENCODES = 3;

const measured = z.object({
  input_i: z.string(),
  input_tp: z.string(),
  input_lra: z.string(),
  input_thresh: z.string(),
  target_offset: z.string(),
  normalization_type: z.string().optional(),
});

/** The last JSON object loudnorm prints on stderr. */
function loudnormJson(stderr: string) {
  const start = stderr.lastIndexOf('{');
  const end = stderr.lastIndexOf('}');
  const parsed = measured.safeParse(start >= 0 && end > start ? JSON.parse(stderr.slice(start, end + 1)) : undefined);
  if (!parsed.success) throw new Error('expected loudnorm to print its JSON measurements on stderr');
  return parsed.data;
}

/** The whole guide's narration as one PCM stream, silence where the storyboard has no speech. */
export async function guidePcm(narration: GuideNarration): Promise<Buffer> {
  // Each scene WAV starts at the scene's lead-in (as the composition plays it): put the lead-in back.
  const parts = await Promise.all(narration.scenes.map(async (s) => [silence(LEAD_IN_FRAMES), wavPcm(await readFile(s.audioPath))]));
  const pcm = Buffer.concat(parts.flat());
  if (bytesToFrames(pcm.length) !== narration.storyboard.durationInFrames) {
    throw new Error(`expected ${narration.storyboard.durationInFrames} frames of narration, got ${bytesToFrames(pcm.length)}`);
  }
  return pcm;
}

export interface GuideAudio {
  path: string;
  durationInFrames: number;
  /** The encoded file as ebur128 measures it. */
  loudness: LoudnessMeasurement;
  /** loudnorm's mode: linear (one gain) or dynamic (when the peaks forbade a single gain). */
  normalization: string;
  encodes: number;
}

const ffmpeg = (args: string[]) => run('ffmpeg', ['-hide_banner', '-nostats', '-y', ...args], { stderrInError: true });

/**
 * The guide's narration track aligned to the final storyboard, loudness-normalised (two-pass
 * loudnorm), AAC 48 kHz in an .m4a: the audio the renderer muxes over the joined video, and the
 * audio-only version offered to citizens. Its length is the storyboard's to the sample.
 */
export async function buildGuideAudio(
  narration: GuideNarration,
  outPath: string,
  options: { target?: LoudnessTarget; logger?: Logger } = {},
): Promise<GuideAudio> {
  const target = options.target ?? SPEECH_LOUDNESS;
  const log = speechLogger(options.logger);
  const started = performance.now();
  const out = path.resolve(outPath);
  const raw = tempBeside(out, '.wav');
  const normalised = tempBeside(out, '.wav');
  const base = `I=${target.integrated}:TP=${target.truePeak - LOUDNORM_PEAK_MARGIN_DB}:LRA=${target.lra}`;
  try {
    await writeFile(raw, pcmToWav(await guidePcm(narration)));
    const pass1 = loudnormJson((await ffmpeg(['-i', raw, '-af', `loudnorm=${base}:print_format=json`, '-f', 'null', '-'])).stderr);
    const filter =
      `loudnorm=${base}:measured_I=${pass1.input_i}:measured_TP=${pass1.input_tp}:measured_LRA=${pass1.input_lra}` +
      `:measured_thresh=${pass1.input_thresh}:offset=${pass1.target_offset}:linear=true:print_format=json`;
    // loudnorm works at 192 kHz internally: resample back to the video's rate.
    const pass2 = loudnormJson(
      (await ffmpeg(['-i', raw, '-af', `${filter},aresample=${SAMPLE_RATE}`, '-ar', String(SAMPLE_RATE), '-ac', '1', '-c:a', 'pcm_s16le', normalised])).stderr,
    );

    const { loudness, encodes } = await publishAtomic(
      out,
      async (encoded) => {
        let gainDb = 0;
        let loudness: LoudnessMeasurement = { integrated: NaN, truePeak: NaN };
        let encodes = 0;
        while (encodes < MAX_ENCODES) {
          encodes += 1;
          await ffmpeg([
            '-i',
            normalised,
            '-af',
            `volume=${gainDb.toFixed(2)}dB`,
            '-ar',
            String(SAMPLE_RATE),
            '-ac',
            '1',
            '-c:a',
            'aac',
            '-b:a',
            AAC_BITRATE,
            '-movflags',
            '+faststart',
            encoded,
          ]);
          loudness = await measureLoudness(encoded);
          if (loudness.truePeak <= target.truePeak) break;
          gainDb -= loudness.truePeak - target.truePeak + 0.1;
        }
        if (loudness.truePeak > target.truePeak)
          log.warn({ truePeak: loudness.truePeak, ceiling: target.truePeak }, 'narration true peak above the ceiling after re-encoding');
        return { loudness, encodes };
      },
      '.m4a',
    );
    const audio: GuideAudio = {
      path: out,
      durationInFrames: narration.storyboard.durationInFrames,
      loudness,
      normalization: pass2.normalization_type ?? 'unknown',
      encodes,
    };
    log.info(
      { frames: audio.durationInFrames, ...loudness, normalization: audio.normalization, encodes, ms: Math.round(performance.now() - started) },
      'guide narration track encoded',
    );
    return audio;
  } finally {
    await Promise.all([raw, normalised].map((f) => rm(f, { force: true })));
  }
}
