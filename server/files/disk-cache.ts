import fs from 'node:fs';
import path from 'node:path';
import { isTempName, publishAtomic } from './atomic-write';
import { SingleFlight } from './single-flight';

export interface DiskCacheOptions {
  dir: string;
  /** Bound on the bytes kept; least recently used entries go first. */
  maxBytes: number;
}

const DEFAULTS: Omit<DiskCacheOptions, 'dir'> = { maxBytes: 20 * 1024 ** 3 };

/**
 * A content-addressed cache of files on disk (render segments, stills, base frames; speech clips),
 * at `<dir>/<first 2 characters of the key>/<key><ext>`, bounded in size with LRU eviction by
 * modification time (touched on every hit). Entries are built at a temp name and renamed, so a
 * crash never leaves a half-written entry; concurrent requests for the same key in one process share
 * one build. Only the shard directories count: anything else under `dir` (a speech cache's scenes/)
 * is neither measured nor evicted.
 */
export class DiskCache {
  readonly options: DiskCacheOptions;
  private readonly builds = new SingleFlight<string>();
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

  /** The entry's path when it is there (marked as just used), else null. */
  lookup(key: string, ext: string): string | null {
    const final = this.pathOf(key, ext);
    if (!fs.existsSync(final)) return null;
    this.hits++;
    const now = new Date();
    fs.utimesSync(final, now, now);
    return final;
  }

  /**
   * Returns the cached path for key, building it with `build(tmpPath)` when absent.
   * `build` must write its result at tmpPath (a file or a directory).
   */
  async get(key: string, ext: string, build: (tmp: string) => Promise<void>): Promise<string> {
    const cached = this.lookup(key, ext);
    if (cached) return cached;
    const final = this.pathOf(key, ext);
    const { result, joined } = this.builds.run(final, async () => {
      await publishAtomic(final, build, ext);
      this.account(sizeOf(final));
      return final;
    });
    if (!joined) this.misses++;
    return result;
  }

  has(key: string, ext: string): boolean {
    return fs.existsSync(this.pathOf(key, ext));
  }

  /** Removes the entry (one found damaged: the next get builds it again). */
  discard(key: string, ext: string): void {
    const final = this.pathOf(key, ext);
    const size = sizeOf(final);
    fs.rmSync(final, { recursive: true, force: true });
    if (this.bytes !== null) this.bytes = Math.max(0, this.bytes - size);
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
    // A shard is named by a key's first two characters (pathOf).
    for (const shard of safeReaddir(this.options.dir).filter((s) => s.length <= 2)) {
      const dir = path.join(this.options.dir, shard);
      for (const name of safeReaddir(dir)) {
        if (isTempName(name)) continue;
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
