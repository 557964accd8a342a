import { run } from './process';
import { resample } from './resample';
import { SAMPLE_RATE, SAMPLES_PER_FRAME, parseWav } from './wav';

// Engines differ in level, sample rate and in the silence they put around speech. Every clip is
// brought to one shape so that gaps between sentences are exactly the layout's, and sentences from
// different engines or voices sit at the same loudness before the guide's final normalisation.
const EDGE_THRESHOLD_DB = -45;
const EDGE_KEEP_MS = 30;
const TARGET_SPEECH_RMS_DB = -20;
const PEAK_CEILING_DB = -1.5;
const WINDOW = 960; // 20 ms

const dbToAmp = (db: number): number => 10 ** (db / 20);

/**
 * Any audio ffmpeg can read → 48 kHz mono samples, in float: resampling a full-scale voice makes
 * peaks between the original samples (measured: up to +3 dB on Festival's diphones), which 16-bit
 * output would clip before shapeClip could lower the level.
 */
export async function decodeToFloat(encoded: Buffer): Promise<Float32Array> {
  // The local engines write mono 16-bit WAV: decode and resample here; anything else goes to ffmpeg.
  if (encoded.toString('ascii', 0, 4) === 'RIFF') {
    const w = parseWav(encoded);
    if (w.format === 1 && w.channels === 1 && w.bitsPerSample === 16) {
      const x = new Float32Array(w.data.length >> 1);
      for (let i = 0; i < x.length; i++) x[i] = w.data.readInt16LE(i * 2) / 32768;
      return resample(x, w.sampleRate, SAMPLE_RATE);
    }
  }
  const { stdout } = await run(
    'ffmpeg',
    ['-hide_banner', '-loglevel', 'error', '-i', 'pipe:0', '-ac', '1', '-ar', String(SAMPLE_RATE), '-f', 'f32le', '-acodec', 'pcm_f32le', 'pipe:1'],
    { input: encoded, stderrInError: true },
  );
  const aligned = new Uint8Array(stdout.length);
  aligned.set(stdout);
  return new Float32Array(aligned.buffer, 0, stdout.length >> 2);
}

function windowRms(x: Float32Array, start: number, end: number): number {
  let sum = 0;
  for (let i = start; i < end; i++) sum += x[i]! * x[i]!;
  return Math.sqrt(sum / Math.max(1, end - start));
}

/** Trims leading/trailing silence (keeping a short margin), sets the speech level and pads to whole frames: s16le out. */
export function shapeClip(x: Float32Array): Buffer {
  const n = x.length;
  const gate = dbToAmp(EDGE_THRESHOLD_DB);
  const windows: number[] = [];
  for (let w = 0; w * WINDOW < n; w++) windows.push(windowRms(x, w * WINDOW, Math.min(n, (w + 1) * WINDOW)));
  const first = windows.findIndex((r) => r >= gate);
  if (first < 0) throw new Error('expected speech in the synthesised clip, got only silence');
  const last = windows.length - 1 - [...windows].reverse().findIndex((r) => r >= gate);
  const keep = Math.round((EDGE_KEEP_MS / 1000) * SAMPLE_RATE);
  const start = Math.max(0, first * WINDOW - keep);
  const end = Math.min(n, (last + 1) * WINDOW + keep);

  // Loudness of the voiced windows only, so pauses inside the sentence do not lower the estimate.
  const voiced = windows.slice(first, last + 1).filter((r) => r >= gate * 4);
  const rms = Math.sqrt(voiced.reduce((s, r) => s + r * r, 0) / Math.max(1, voiced.length));
  let peak = 1e-6;
  for (let i = start; i < end; i++) peak = Math.max(peak, Math.abs(x[i]!));
  const gain = Math.min(dbToAmp(TARGET_SPEECH_RMS_DB) / Math.max(1e-6, rms), dbToAmp(PEAK_CEILING_DB) / peak);

  const frames = Math.ceil((end - start) / SAMPLES_PER_FRAME);
  const out = Buffer.alloc(frames * SAMPLES_PER_FRAME * 2);
  for (let i = start; i < end; i++) {
    const v = Math.round(x[i]! * gain * 32767);
    out.writeInt16LE(Math.max(-32768, Math.min(32767, v)), (i - start) * 2);
  }
  return out;
}
