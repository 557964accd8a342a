import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface VideoProbe {
  codec: string;
  pixFmt: string;
  width: number;
  height: number;
  /** r_frame_rate as a number (30 for "30/1"). */
  fps: number;
  /** Counted by reading every packet, not the container's claim. */
  frames: number;
  streams: string[];
}

export async function probeVideo(file: string): Promise<VideoProbe> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-count_packets', '-show_entries', 'stream=codec_type,codec_name,pix_fmt,width,height,r_frame_rate,nb_read_packets', '-of', 'json', file]);
  const streams = (JSON.parse(stdout) as { streams: Record<string, string | number>[] }).streams;
  const v = streams.find((s) => s.codec_type === 'video');
  if (!v) throw new Error(`${file} has no video stream`);
  const [num, den] = String(v.r_frame_rate).split('/').map(Number);
  return {
    codec: String(v.codec_name),
    pixFmt: String(v.pix_fmt),
    width: Number(v.width),
    height: Number(v.height),
    fps: num! / (den || 1),
    frames: Number(v.nb_read_packets),
    streams: streams.map((s) => String(s.codec_type)),
  };
}

/** Top-level MP4 boxes in file order, read from the box headers themselves. */
export async function topLevelBoxes(file: string): Promise<string[]> {
  const fh = await fs.open(file, 'r');
  try {
    const { size: total } = await fh.stat();
    const out: string[] = [];
    const header = Buffer.alloc(16);
    let pos = 0;
    while (pos + 8 <= total) {
      await fh.read(header, 0, 16, pos);
      let size = header.readUInt32BE(0);
      const type = header.toString('latin1', 4, 8);
      if (size === 1) size = Number(header.readBigUInt64BE(8));
      else if (size === 0) size = total - pos;
      if (size < 8) throw new Error(`corrupt box ${type} at ${pos}`);
      out.push(type);
      pos += size;
    }
    return out;
  } finally {
    await fh.close();
  }
}

/** Whether the moov box (the index a player needs first) precedes the media data. */
export async function moovBeforeMdat(file: string): Promise<boolean> {
  const boxes = await topLevelBoxes(file);
  const moov = boxes.indexOf('moov');
  const mdat = boxes.indexOf('mdat');
  return moov !== -1 && mdat !== -1 && moov < mdat;
}

/** Average PSNR (dB) of two same-size images or videos, compared as RGB. */
export async function psnr(a: string, b: string): Promise<number> {
  const { stderr } = await run('ffmpeg', ['-hide_banner', '-i', a, '-i', b, '-filter_complex', '[0]format=gbrp[x];[1]format=gbrp[y];[x][y]psnr', '-f', 'null', '-']);
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
