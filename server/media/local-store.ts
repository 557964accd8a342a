import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { assertGuideId, OUTPUT_FILE_NAMES, type ByteSpan, type MediaStore, type OutputFile, type StoredObject } from './store';

const GUIDE_DIR = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PAGE = 1000;

/**
 * The store as it always was: one directory per guide under VIDEO_DIR, on one machine. The API
 * serves these files with `send` (localPath), exactly as before the store existed.
 */
export class LocalMediaStore implements MediaStore {
  readonly kind = 'local' as const;
  readonly sharedCache = null;

  constructor(readonly dir: string) {}

  private guideDir(guideId: string): string {
    return path.join(this.dir, assertGuideId(guideId));
  }

  localPath(guideId: string, file: OutputFile): string {
    return path.join(this.guideDir(guideId), file);
  }

  async stat(guideId: string, file: OutputFile): Promise<StoredObject | null> {
    const st = await fs.promises.stat(this.localPath(guideId, file)).catch(() => null);
    if (!st?.isFile()) return null;
    return { size: st.size, etag: `"${st.size.toString(16)}-${st.mtimeMs.toString(16)}"`, lastModified: st.mtime };
  }

  async read(guideId: string, file: OutputFile, span?: ByteSpan): Promise<Readable> {
    return fs.createReadStream(this.localPath(guideId, file), span ? { start: span.start, end: span.end } : {});
  }

  async presign(): Promise<null> {
    return null;
  }

  /**
   * Moves a finished render into place file by file with rename (atomic on one file system), so a
   * reader sees either the old file or the new one, never a half-written one.
   */
  async publish(guideId: string, staging: string): Promise<void> {
    const dest = this.guideDir(guideId);
    fs.mkdirSync(dest, { recursive: true });
    for (const name of OUTPUT_FILE_NAMES) {
      const src = path.join(staging, name);
      if (fs.existsSync(src)) fs.renameSync(src, path.join(dest, name));
    }
  }

  async isPublished(guideId: string): Promise<boolean> {
    return fs.existsSync(this.localPath(guideId, 'video.mp4'));
  }

  async remove(guideId: string): Promise<void> {
    await fs.promises.rm(this.guideDir(guideId), { recursive: true, force: true });
  }

  async removeMany(guideIds: string[]): Promise<void> {
    await Promise.all(guideIds.map((id) => this.remove(id)));
  }

  async *guideIds(): AsyncIterable<string[]> {
    const names = await fs.promises.readdir(this.dir).catch(() => [] as string[]);
    const ids = names.filter((n) => GUIDE_DIR.test(n));
    for (let i = 0; i < ids.length; i += PAGE) yield ids.slice(i, i + PAGE);
  }

  close(): void {}
}
