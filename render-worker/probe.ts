// ffprobe facts about a rendered file, read from the file itself (counted, not trusted).
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
  const { stdout } = await run('ffprobe', [
    '-v',
    'error',
    '-count_packets',
    '-show_entries',
    'stream=codec_type,codec_name,pix_fmt,width,height,r_frame_rate,nb_read_packets',
    '-of',
    'json',
    file,
  ]);
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
