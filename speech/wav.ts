import { FPS } from '../compositions/common/storyboard-types';

/** Every clip, scene track and guide track is 48 kHz mono 16-bit PCM: the video's audio rate. */
export const SAMPLE_RATE = 48_000;
export const SAMPLES_PER_FRAME = SAMPLE_RATE / FPS;
const BYTES_PER_SAMPLE = 2;

export const framesToBytes = (frames: number): number => frames * SAMPLES_PER_FRAME * BYTES_PER_SAMPLE;
export const bytesToFrames = (bytes: number): number => bytes / (SAMPLES_PER_FRAME * BYTES_PER_SAMPLE);
export const pcmDurationMs = (pcm: Buffer): number => (pcm.length / BYTES_PER_SAMPLE / SAMPLE_RATE) * 1000;

/** Wraps 48 kHz mono s16le samples in a canonical 44-byte WAV header. */
export function pcmToWav(pcm: Buffer): Buffer {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + pcm.length, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(SAMPLE_RATE, 24);
  header.writeUInt32LE(SAMPLE_RATE * BYTES_PER_SAMPLE, 28);
  header.writeUInt16LE(BYTES_PER_SAMPLE, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(pcm.length, 40);
  return Buffer.concat([header, pcm]);
}

export interface WavInfo {
  /** 1 = integer PCM, 3 = float. */
  format: number;
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  /** The data chunk; streamed WAVs (espeak-ng --stdout, text2wave -o -) carry a bogus size, so it runs to the end. */
  data: Buffer;
}

export function parseWav(buf: Buffer): WavInfo {
  if (buf.length < 12 || buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE') {
    throw new Error(`expected a RIFF/WAVE file, got ${buf.length} bytes starting ${JSON.stringify(buf.toString('latin1', 0, 4))}`);
  }
  let fmt: Omit<WavInfo, 'data'> | undefined;
  for (let at = 12; at + 8 <= buf.length;) {
    const id = buf.toString('ascii', at, at + 4);
    const size = buf.readUInt32LE(at + 4);
    const body = at + 8;
    if (id === 'fmt ') {
      fmt = {
        format: buf.readUInt16LE(body),
        channels: buf.readUInt16LE(body + 2),
        sampleRate: buf.readUInt32LE(body + 4),
        bitsPerSample: buf.readUInt16LE(body + 14),
      };
    } else if (id === 'data') {
      if (!fmt) throw new Error('expected a fmt chunk before the data chunk');
      // Written to a pipe, the size cannot be patched afterwards: 0 or 0xFFFFFFFF mean "up to the end".
      const end = size === 0 || body + size > buf.length ? buf.length : body + size;
      return { ...fmt, data: buf.subarray(body, end) };
    }
    at = body + size + (size % 2);
  }
  throw new Error('expected a data chunk in the WAV file');
}

/** The PCM samples of a 48 kHz mono 16-bit WAV (the only kind this module writes). */
export function wavPcm(buf: Buffer): Buffer {
  const w = parseWav(buf);
  if (w.sampleRate !== SAMPLE_RATE || w.channels !== 1 || w.bitsPerSample !== 16) {
    throw new Error(`expected 48 kHz mono 16-bit PCM, got ${w.sampleRate} Hz, ${w.channels} channel(s), ${w.bitsPerSample} bit`);
  }
  return w.data;
}

export const silence = (frames: number): Buffer => Buffer.alloc(framesToBytes(frames));
