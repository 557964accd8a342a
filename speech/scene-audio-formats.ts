import { access } from 'node:fs/promises';
import path from 'node:path';
import { publishAtomic } from '../server/files/atomic-write';
import { SingleFlight } from '../server/files/single-flight';
import { run } from './process';

/**
 * A scene's narration for phones: the WAV the narrator writes is 768 kb/s (48 kHz, 16-bit mono), far
 * more than one voice needs. Opus at 32 kb/s in WebM (speech-tuned: "voip") sounds as clear on a phone
 * speaker at a twenty-fourth of the size; AAC at 64 kb/s in MP4 is the fallback for browsers without
 * Opus in WebM (older Safari). Encoded on first request and kept beside the WAV, named by the same
 * content hash, so every citizen hearing the same scene shares one file.
 */
export const SCENE_AUDIO_FORMATS = {
  webm: { contentType: 'audio/webm', args: ['-c:a', 'libopus', '-b:a', '32k', '-application', 'voip', '-f', 'webm'] },
  m4a: { contentType: 'audio/mp4', args: ['-c:a', 'aac', '-b:a', '64k', '-movflags', '+faststart', '-f', 'mp4'] },
  wav: { contentType: 'audio/wav', args: [] },
} as const;
export type SceneAudioFormat = keyof typeof SCENE_AUDIO_FORMATS;

const encodings = new SingleFlight<string>();

/** The scene's narration in `format`: the WAV itself, or its encoding (made once, atomically). */
export function sceneAudioIn(wavPath: string, format: SceneAudioFormat): Promise<string> {
  if (format === 'wav') return Promise.resolve(wavPath);
  const out = path.join(path.dirname(wavPath), `${path.basename(wavPath, '.wav')}.${format}`);
  return encodings.run(out, () => encode(wavPath, out, format)).result;
}

async function encode(wavPath: string, out: string, format: Exclude<SceneAudioFormat, 'wav'>): Promise<string> {
  try {
    await access(out);
    return out;
  } catch {
    // not encoded yet
  }
  // To a file beside the target, then renamed: MP4 needs a seekable output (its index goes first).
  await publishAtomic(out, (tmp) =>
    run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-i', wavPath, '-ac', '1', ...SCENE_AUDIO_FORMATS[format].args, tmp], {
      timeoutMs: 60_000,
    }),
  );
  return out;
}
