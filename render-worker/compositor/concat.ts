import fs from 'node:fs';
import { runFfmpeg } from '../ffmpeg';

/**
 * Joins segments by stream copy (no re-encode), the way Remotion Lambda joins its chunks. Every
 * segment comes from the same encoder settings (encoding.ts), so the result is frame-accurate with
 * monotonic timestamps; `+faststart` puts the moov atom first for streaming.
 */
export async function concatSegments(segments: string[], out: string, options: { audio?: string } = {}): Promise<void> {
  const list = `${out}.txt`;
  // The concat demuxer's own quoting: ' becomes '\''.
  fs.writeFileSync(list, segments.map((s) => `file '${s.replace(/'/g, "'\\''")}'`).join('\n'));
  try {
    const args = ['-y', '-f', 'concat', '-safe', '0', '-i', list];
    if (options.audio) args.push('-i', options.audio, '-map', '0:v', '-map', '1:a', '-c:a', 'copy');
    args.push('-c:v', 'copy', '-movflags', '+faststart', out);
    await runFfmpeg(args);
  } finally {
    fs.rmSync(list, { force: true });
  }
}
