import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export { moovBeforeMdat, probeVideo, topLevelBoxes, type VideoProbe } from '../../render-worker/probe';

/** Average PSNR (dB) of two same-size images or videos, compared as RGB. */
export async function psnr(a: string, b: string): Promise<number> {
  const { stderr } = await run('ffmpeg', [
    '-hide_banner',
    '-i',
    a,
    '-i',
    b,
    '-filter_complex',
    '[0]format=gbrp[x];[1]format=gbrp[y];[x][y]psnr',
    '-f',
    'null',
    '-',
  ]);
  const m = /average:(inf|[\d.]+)/.exec(stderr);
  if (!m) throw new Error(`no PSNR in ffmpeg output:\n${stderr}`);
  return m[1] === 'inf' ? Infinity : Number(m[1]);
}

/**
 * Composites still layers over a base frame the way the fast renderer does: in RGB
 * (overlay=format=gbrp), each layer's alpha scaled by its opacity.
 */
export async function composite(base: string, layers: { png: string; opacity: number }[], out: string): Promise<void> {
  const inputs = [base, ...layers.map((l) => l.png)].flatMap((f) => ['-i', f]);
  const parts: string[] = ['[0]format=gbrp[s0]'];
  layers.forEach((l, i) => {
    parts.push(`[${i + 1}]format=rgba,colorchannelmixer=aa=${l.opacity.toFixed(6)}[l${i}]`);
    parts.push(`[s${i}][l${i}]overlay=format=gbrp[s${i + 1}]`);
  });
  await run('ffmpeg', ['-v', 'error', '-y', ...inputs, '-filter_complex', parts.join(';'), '-map', `[s${layers.length}]`, '-frames:v', '1', out]);
}

/** ffmpeg's own reading of a WebVTT file, as SubRip: proves it parses, and what it parsed. */
export async function vttAsSrt(file: string): Promise<{ start: number; end: number; text: string }[]> {
  const { stdout } = await run('ffmpeg', ['-v', 'error', '-i', file, '-f', 'srt', '-'], { maxBuffer: 16 * 1024 * 1024 });
  const secs = (t: string): number => {
    const [h, m, s] = t.replace(',', '.').split(':').map(Number);
    return h! * 3600 + m! * 60 + s!;
  };
  return stdout
    .trim()
    .split(/\r?\n\r?\n/)
    .filter(Boolean)
    .map((block) => {
      const lines = block.split(/\r?\n/);
      const [start, end] = (lines[1] ?? '').split(' --> ');
      return { start: secs(start!), end: secs(end!), text: lines.slice(2).join('\n') };
    });
}
