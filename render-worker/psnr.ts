import { spawn } from 'node:child_process';

/**
 * PSNR (dB) between frame `frameA` of video A and frame `frameB` of video B, via ffmpeg's psnr
 * filter in RGB. Infinity when identical.
 */
export function framePsnr(a: string, frameA: number, b: string, frameB: number): Promise<number> {
  const pick = (n: number) => `select=eq(n\\,${n}),setpts=PTS-STARTPTS,format=rgb24`;
  const args = [
    '-hide_banner',
    '-nostdin',
    '-i',
    a,
    '-i',
    b,
    '-lavfi',
    `[0:v]${pick(frameA)}[x];[1:v]${pick(frameB)}[y];[x][y]psnr`,
    '-frames:v',
    '1',
    '-f',
    'null',
    '-',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('ffmpeg', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const m = /average:(inf|[\d.]+)/.exec(err);
      if (code !== 0 || !m) reject(new Error(`psnr failed: ${err.slice(-500)}`));
      else resolve(m[1] === 'inf' ? Infinity : Number(m[1]));
    });
  });
}
