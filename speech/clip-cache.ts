import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locale } from '../compositions/common/locale';
import { DiskCache } from '../server/files/disk-cache';
import { SingleFlight } from '../server/files/single-flight';
import type { Logger } from '../server/logger';
import type { SharedCache } from '../server/media/store';
import { decodeToFloat, shapeClip } from './clip-audio';
import { engineIdFor, type PresenterVoice, type SpeechEngine } from './engine';
import { speechLogger } from './log';
import { bytesToFrames, pcmToWav, wavPcm } from './wav';

export interface ClipRequest {
  /** Speakable text of ONE sentence: the unit of synthesis and of sharing between citizens. */
  text: string;
  locale: Locale;
  voice: PresenterVoice;
  /**
   * The sentence carries no citizen's data (its scene depends on none of the guide's fields): only
   * such a clip goes to the shared store, which keeps no guide's retention. A personal one stays on
   * this host's disk, as before.
   */
  shareable?: boolean;
}

export interface Clip {
  key: string;
  path: string;
  /** 48 kHz mono s16le samples, a whole number of video frames long. */
  pcm: Buffer;
  frames: number;
  /** True when this call synthesised it, false when it came from disk or a concurrent call. */
  fresh: boolean;
}

/**
 * A store every host reaches (the S3 media store's cache area, server/media): clips synthesised on
 * one host are fetched by the others instead of synthesised again. The render cache's shared tier.
 */
export type SharedClipStore = SharedCache;

export interface ClipCacheOptions {
  dir: string;
  engine: SpeechEngine;
  /** The shared tier behind this host's directory (none: the directory alone, as with a local media store). */
  shared?: SharedClipStore | null;
  /** Syntheses running at once; the machine has 2 cores shared with the render. */
  concurrency?: number;
  /**
   * Bound on the bytes of clips kept on this host (least recently used go first): personal
   * sentences (names, amounts, dates) would otherwise accumulate for ever.
   */
  maxBytes?: number;
  logger?: Logger;
}

/** About 20,000 sentences at ~100 KB: the shared ones stay warm, the personal ones age out. */
export const DEFAULT_CLIP_CACHE_BYTES = 2 * 1024 ** 3;

// Bump when shapeClip changes what is stored, so old clips are not mixed with new ones.
const CLIP_FORMAT = 'clip-v3';
const WAV = '.wav';

/**
 * Sentence clips on disk, keyed by a hash of engine, voice, locale and speakable text, with an
 * optional shared tier (the S3 store) behind it for sentences without personal data, so a host's
 * first request for such a clip another host made fetches it instead of synthesising it. A sentence
 * without personal data has the same key for every citizen, so it is synthesised once for all.
 * Concurrent requests for one clip share one synthesis; files appear atomically (temp + rename), so
 * a reader in another process sees a whole clip or none. The files are a DiskCache (server/files):
 * bounded by `maxBytes`, least recently used evicted.
 */
export class ClipCache {
  readonly dir: string;
  readonly engine: SpeechEngine;
  private readonly files: DiskCache;
  private readonly inFlight = new SingleFlight<Clip>();
  private readonly waiting: (() => void)[] = [];
  private running = 0;
  private readonly concurrency: number;
  /** Where the cache, and the narration built through it, log (the caller's logger, or a default one). */
  readonly log: Logger;
  /** hits: this host's disk; fetched: the shared store; synthesized: the engine; shared: a concurrent call's. */
  readonly stats = { hits: 0, fetched: 0, synthesized: 0, shared: 0 };
  private readonly sharedStore: SharedClipStore | null;

  constructor(options: ClipCacheOptions) {
    this.dir = path.resolve(options.dir);
    this.engine = options.engine;
    this.concurrency = Math.max(1, options.concurrency ?? 2);
    this.log = speechLogger(options.logger);
    this.sharedStore = options.shared ?? null;
    this.files = new DiskCache({ dir: this.dir, maxBytes: options.maxBytes ?? DEFAULT_CLIP_CACHE_BYTES });
  }

  keyOf(req: ClipRequest): string {
    const engineId = engineIdFor(this.engine, req.locale, req.voice);
    return createHash('sha256')
      .update(JSON.stringify([CLIP_FORMAT, engineId, req.voice, req.locale, req.text]))
      .digest('hex');
  }

  pathOf(key: string): string {
    return this.files.pathOf(key, WAV);
  }

  /** The bytes of clips on this host's disk. */
  totalBytes(): number {
    return this.files.totalBytes();
  }

  async get(req: ClipRequest): Promise<Clip> {
    if (!req.text.trim()) throw new Error('expected a sentence to synthesise, got empty text');
    const key = this.keyOf(req);
    const { result, joined } = this.inFlight.run(key, () => this.load(key, req));
    if (!joined) return result;
    this.stats.shared += 1;
    return { ...(await result), fresh: false };
  }

  private async load(key: string, req: ClipRequest): Promise<Clip> {
    const cached = await this.fromDisk(key);
    if (cached) return cached;
    const shared = req.shareable ? this.sharedStore : null;
    let built: { pcm: Buffer; fetched: boolean } | null = null;
    const file = await this.files.get(key, WAV, async (tmp) => {
      const fetched = shared ? await this.fromSharedStore(shared, key, tmp) : null;
      if (fetched) built = { pcm: fetched, fetched: true };
      else {
        built = { pcm: await this.synthesize(key, req), fetched: false };
        await writeFile(tmp, pcmToWav(built.pcm));
      }
    });
    // Null: another process put the clip there between the two looks.
    const made = built as { pcm: Buffer; fetched: boolean } | null;
    if (!made) return (await this.fromDisk(key)) ?? this.load(key, req);
    if (made.fetched) {
      this.stats.fetched += 1;
      return { key, path: file, pcm: made.pcm, frames: bytesToFrames(made.pcm.length), fresh: false };
    }
    this.stats.synthesized += 1;
    // Shared before it is used: another host asking next finds it. A store that fails costs the
    // others a synthesis, never this clip.
    await shared
      ?.put(`${key}${WAV}`, file)
      .catch((e: Error) => this.log.warn({ clip: key.slice(0, 12), err: e.message }, 'could not share a speech clip with the other hosts'));
    return { key, path: file, pcm: made.pcm, frames: bytesToFrames(made.pcm.length), fresh: true };
  }

  /** The clip on this host's disk, or null; a damaged one is removed, so it is synthesised again. */
  private async fromDisk(key: string): Promise<Clip | null> {
    const file = this.files.lookup(key, WAV);
    if (!file) return null;
    try {
      const pcm = wavPcm(await readFile(file));
      this.stats.hits += 1;
      return { key, path: file, pcm, frames: bytesToFrames(pcm.length), fresh: false };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      this.log.warn({ clip: key.slice(0, 12), err: (e as Error).message }, 'unreadable speech clip, synthesising again');
      this.files.discard(key, WAV);
      return null;
    }
  }

  private synthesize(key: string, req: ClipRequest): Promise<Buffer> {
    return this.limited(async () => {
      const started = performance.now();
      const result = await this.engine.synthesize(req);
      const shaped = shapeClip(await decodeToFloat(result.audio));
      this.log.debug(
        { clip: key.slice(0, 12), engine: engineIdFor(this.engine, req.locale, req.voice), ms: Math.round(performance.now() - started) },
        'speech clip synthesised',
      );
      return shaped;
    });
  }

  /** The clip from the shared store at `tmp` (checked whole), or null: this host synthesises it. */
  private async fromSharedStore(shared: SharedClipStore, key: string, tmp: string): Promise<Buffer | null> {
    try {
      if (!(await shared.fetch(`${key}${WAV}`, tmp))) return null;
      return wavPcm(await readFile(tmp));
    } catch (e) {
      // Unreachable store or a damaged object: this host synthesises it, as without a store.
      this.log.warn({ clip: key.slice(0, 12), err: (e as Error).message }, 'shared speech clip unavailable, synthesising');
      await rm(tmp, { force: true });
      return null;
    }
  }

  private async limited<T>(task: () => Promise<T>): Promise<T> {
    // A finishing task hands its slot straight to the next waiter, so the limit is never exceeded.
    if (this.running >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running += 1;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
