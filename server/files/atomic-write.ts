import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * A temporary name beside the target: rename() is atomic only within one file system. `ext` is kept
 * at the end for tools that pick the format from the name (ffmpeg, Remotion).
 */
export const tempBeside = (file: string, ext = ''): string => `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp${ext}`;

/** True for a name tempBeside made: a cache scanning its directory counts no half-built entry. */
export const isTempName = (name: string): boolean => /\.\d+\.[0-9a-f]{8}\.tmp(\.[^.]*)?$/.test(name);

/**
 * `build` writes at a temporary name beside `final` (a file or a directory, itself or through an
 * external process such as ffmpeg); the result is renamed into place only when it resolves, so a
 * reader (another process included) sees the whole thing or nothing. The temporary never outlives
 * the call, whatever fails.
 */
export async function publishAtomic<T>(final: string, build: (tmp: string) => Promise<T>, ext = ''): Promise<T> {
  await mkdir(path.dirname(final), { recursive: true });
  const tmp = tempBeside(final, ext);
  try {
    const result = await build(tmp);
    await rename(tmp, final);
    return result;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** Readers see the whole file or no file, never a half-written one. */
export const writeAtomic = (file: string, data: Buffer | string): Promise<void> => publishAtomic(file, (tmp) => writeFile(tmp, data));

/**
 * Several files that appear together (a render's video, poster and captions): each is written at
 * its temporary name, and `commit` renames them all only once every one of them is complete.
 */
export class TempFiles {
  private readonly pending: [tmp: string, final: string][] = [];

  /** The temporary name to write `final` at; the extension stays last. */
  beside(final: string): string {
    const tmp = tempBeside(final, path.extname(final));
    this.pending.push([tmp, final]);
    return tmp;
  }

  async commit(): Promise<void> {
    for (const [tmp, final] of this.pending) await rename(tmp, final);
    this.pending.length = 0;
  }

  /** Removes what was not committed (a failed or aborted build). */
  async discard(): Promise<void> {
    await Promise.all(this.pending.map(([tmp]) => rm(tmp, { recursive: true, force: true })));
    this.pending.length = 0;
  }
}
