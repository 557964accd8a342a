import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export interface DiskCacheOptions {
  dir: string;
  /** Bound on the bytes kept; least recently used entries go first. */
  maxBytes: number;
}

const DEFAULTS: Omit<DiskCacheOptions, 'dir'> = { maxBytes: 20 * 1024 ** 3 };

/**
 * A content-addressed cache of files on disk (segments, stills, base frames), bounded in size
 * with LRU eviction by modification time (touched on every hit). Entries are written to a temp
 * name and renamed, so a crash never leaves a half-written entry; concurrent requests for the
 * same key in one process share one build.
 */
export class DiskCache {
  readonly options: DiskCacheOptions;
  private inFlight = new Map<string, Promise<string>>();
  private bytes: number | null = null;
  hits = 0;
  misses = 0;

  constructor(options: Partial<DiskCacheOptions> & { dir: string }) {
    this.options = { ...DEFAULTS, ...options };
    fs.mkdirSync(this.options.dir, { recursive: true });
  }

  pathOf(key: string, ext: string): string {
    return path.join(this.options.dir, key.slice(0, 2), `${key}${ext}`);
  }

  /**
   * Returns the cached path for key, building it with `build(tmpPath)` when absent.
   * `build` must write its result at tmpPath (a file or a directory).
   */
  async get(key: string, ext: string, build: (tmp: string) => Promise<void>): Promise<string> {
    const final = this.pathOf(key, ext);
    if (fs.existsSync(final)) {
      this.hits++;
      const now = new Date();
      fs.utimesSync(final, now, now);
      return final;
    }
    const pending = this.inFlight.get(final);
    if (pending) return pending;
    this.misses++;
    const work = (async () => {
      fs.mkdirSync(path.dirname(final), { recursive: true });
      const tmp = `${final}.tmp-${process.pid}-${randomBytes(4).toString('hex')}${ext}`;
      try {
        await build(tmp);
        fs.renameSync(tmp, final);
      } catch (err) {
        fs.rmSync(tmp, { recursive: true, force: true });
        throw err;
      }
      this.account(sizeOf(final));
      return final;
    })();
    this.inFlight.set(final, work);
    try {
      return await work;
    } finally {
      this.inFlight.delete(final);
    }
  }

  has(key: string, ext: string): boolean {
    return fs.existsSync(this.pathOf(key, ext));
  }

  totalBytes(): number {
    if (this.bytes === null) this.bytes = this.entries().reduce((s, e) => s + e.size, 0);
    return this.bytes;
  }

  private account(added: number): void {
    this.bytes = this.totalBytes() + added;
    if (this.bytes > this.options.maxBytes) this.evict();
  }

  /** Removes least recently used entries until the cache is at 90% of its bound. */
  evict(): void {
    const entries = this.entries().sort((a, b) => a.mtime - b.mtime);
    let total = entries.reduce((s, e) => s + e.size, 0);
    const target = this.options.maxBytes * 0.9;
    for (const e of entries) {
      if (total <= target) break;
      fs.rmSync(e.path, { recursive: true, force: true });
      total -= e.size;
    }
    this.bytes = total;
  }

  private entries(): { path: string; size: number; mtime: number }[] {
    const out: { path: string; size: number; mtime: number }[] = [];
    for (const shard of safeReaddir(this.options.dir)) {
      const dir = path.join(this.options.dir, shard);
      for (const name of safeReaddir(dir)) {
        if (name.includes('.tmp-')) continue;
        const p = path.join(dir, name);
        const st = fs.statSync(p, { throwIfNoEntry: false });
        if (st) out.push({ path: p, size: st.isDirectory() ? sizeOf(p) : st.size, mtime: st.mtimeMs });
      }
    }
    return out;
  }
}

function safeReaddir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

function sizeOf(p: string): number {
  const st = fs.statSync(p, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.size;
  return safeReaddir(p).reduce((s, n) => s + sizeOf(path.join(p, n)), 0);
}
