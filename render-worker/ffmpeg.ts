import { spawn } from 'node:child_process';

export class FfmpegError extends Error {
  constructor(
    message: string,
    readonly stderrTail: string,
  ) {
    super(message);
    this.name = 'FfmpegError';
  }
}

export interface RunOptions {
  /** Called with the number of frames written so far (from `-progress`). */
  onFrame?: (frame: number) => void;
  signal?: AbortSignal;
  bin?: string;
}

/**
 * Runs ffmpeg (Debian's, from PATH) with an argument array — never a shell string, so file names
 * and text can hold any character. Rejects with the tail of stderr, which is what explains a failure.
 */
export function runFfmpeg(args: string[], options: RunOptions = {}): Promise<void> {
  const full = ['-hide_banner', '-nostdin', '-loglevel', 'error', ...(options.onFrame ? ['-progress', 'pipe:1', '-nostats'] : []), ...args];
  return new Promise((resolve, reject) => {
    const child = spawn(options.bin ?? 'ffmpeg', full, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-4000);
    });
    if (options.onFrame) {
      let buf = '';
      child.stdout.on('data', (d: Buffer) => {
        buf += d.toString();
        const lines = buf.split('\n');
        buf = lines.pop() ?? '';
        for (const line of lines) if (line.startsWith('frame=')) options.onFrame!(Number(line.slice(6)));
      });
    } else child.stdout.resume();
    const abort = () => child.kill('SIGKILL');
    options.signal?.addEventListener('abort', abort, { once: true });
    child.on('error', (err) => reject(new FfmpegError(`could not start ffmpeg: ${err.message}`, '')));
    child.on('close', (code, sig) => {
      options.signal?.removeEventListener('abort', abort);
      if (code === 0) resolve();
      else reject(new FfmpegError(`ffmpeg exited with ${code ?? sig}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`, stderr));
    });
  });
}

/** Runs ffprobe and returns its JSON output. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- its shape depends on the flags passed; each caller reads the fields it asked for
export function ffprobeJson(file: string, extra: string[] = []): Promise<any> {
  return new Promise((resolve, reject) => {
    const child = spawn('ffprobe', ['-v', 'error', '-print_format', 'json', ...extra, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`ffprobe failed: ${err.trim()}`))));
  });
}
