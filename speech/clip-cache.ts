import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Locale } from '../compositions/common/locale';
import type { Logger } from '../server/logger';
import { decodeToFloat, shapeClip } from './clip-audio';
import { engineIdFor, type PresenterVoice, type SpeechEngine } from './engine';
import { tempBeside, writeAtomic } from './atomic-write';
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
 * one host are fetched by the others instead of synthesised again. Structural, so speech/ imports
 * nothing of server/media.
 */
export interface SharedClipStore {
  /** Writes the entry to `dest` and returns true, or false when the store has none. */
  fetch(key: string, dest: string): Promise<boolean>;
  put(key: string, src: string): Promise<void>;
}

export interface ClipCacheOptions {
  dir: string;
  engine: SpeechEngine;
  /** The shared tier behind this host's directory (none: the directory alone, as with a local media store). */
  shared?: SharedClipStore | null;
  /** Syntheses running at once; the machine has 2 cores shared with the render. */
  concurrency?: number;
  logger?: Logger;
}

// Bump when shapeClip changes what is stored, so old clips are not mixed with new ones.
const CLIP_FORMAT = 'clip-v3';

/**
 * Sentence clips on disk, keyed by a hash of engine, voice, locale and speakable text, with an
 * optional shared tier (the S3 store) behind it for sentences without personal data, so a host's
 * first request for such a clip another host made fetches it instead of synthesising it. A sentence
 * without personal data has the same key for every citizen, so it is synthesised once for all.
 * Concurrent requests for one clip share one synthesis; files appear atomically (temp + rename), so
 * a reader in another process sees a whole clip or none.
 */
export class ClipCache {
  readonly dir: string;
  readonly engine: SpeechEngine;
  private readonly inFlight = new Map<string, Promise<Clip>>();
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
  }

  keyOf(req: ClipRequest): string {
    const engineId = engineIdFor(this.engine, req.locale, req.voice);
    return createHash('sha256')
      .update(JSON.stringify([CLIP_FORMAT, engineId, req.voice, req.locale, req.text]))
      .digest('hex');
  }

  pathOf(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.wav`);
  }

  async get(req: ClipRequest): Promise<Clip> {
    if (!req.text.trim()) throw new Error('expected a sentence to synthesise, got empty text');
    const key = this.keyOf(req);
    const pending = this.inFlight.get(key);
    if (pending) {
      this.stats.shared += 1;
      return { ...(await pending), fresh: false };
    }
    const work = this.load(key, req).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, work);
    return work;
  }

  private async load(key: string, req: ClipRequest): Promise<Clip> {
    const file = this.pathOf(key);
    try {
      const pcm = wavPcm(await readFile(file));
      this.stats.hits += 1;
      return { key, path: file, pcm, frames: bytesToFrames(pcm.length), fresh: false };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
        this.log.warn({ clip: key.slice(0, 12), err: (e as Error).message }, 'unreadable speech clip, synthesising again');
    }
    const shared = req.shareable ? this.sharedStore : null;
    const fetched = shared ? await this.fromSharedStore(shared, key, file) : null;
    if (fetched) return fetched;
    const pcm = await this.limited(async () => {
      const started = performance.now();
      const result = await this.engine.synthesize(req);
      const shaped = shapeClip(await decodeToFloat(result.audio));
      this.log.debug(
        { clip: key.slice(0, 12), engine: engineIdFor(this.engine, req.locale, req.voice), ms: Math.round(performance.now() - started) },
        'speech clip synthesised',
      );
      return shaped;
    });
    await writeAtomic(file, pcmToWav(pcm));
    this.stats.synthesized += 1;
    // Shared before it is used: another host asking next finds it. A store that fails costs the
    // others a synthesis, never this clip.
    await shared
      ?.put(`${key}.wav`, file)
      .catch((e: Error) => this.log.warn({ clip: key.slice(0, 12), err: e.message }, 'could not share a speech clip with the other hosts'));
    return { key, path: file, pcm, frames: bytesToFrames(pcm.length), fresh: true };
  }

  /** The clip from the shared store into this host's directory (whole or not at all), or null. */
  private async fromSharedStore(shared: SharedClipStore, key: string, file: string): Promise<Clip | null> {
    const tmp = tempBeside(file);
    try {
      await mkdir(path.dirname(file), { recursive: true });
      if (!(await shared.fetch(`${key}.wav`, tmp))) return null;
      const pcm = wavPcm(await readFile(tmp));
      await rename(tmp, file);
      this.stats.fetched += 1;
      return { key, path: file, pcm, frames: bytesToFrames(pcm.length), fresh: false };
    } catch (e) {
      // Unreachable store or a damaged object: this host synthesises it, as without a store.
      this.log.warn({ clip: key.slice(0, 12), err: (e as Error).message }, 'shared speech clip unavailable, synthesising');
      return null;
    } finally {
      await rm(tmp, { force: true });
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
