import type { Readable } from 'node:stream';

/**
 * The files a rendered guide consists of, with the type each is stored and served with; video last,
 * so its presence means the set is complete (a store publishes in this order).
 */
export const OUTPUT_FILES = {
  'captions.vtt': 'text/vtt; charset=utf-8',
  'captions.it.vtt': 'text/vtt; charset=utf-8',
  'captions.en.vtt': 'text/vtt; charset=utf-8',
  'chapters.json': 'application/json; charset=utf-8',
  'poster.jpg': 'image/jpeg',
  'audio.m4a': 'audio/mp4',
  'video.mp4': 'video/mp4',
} as const;
export type OutputFile = keyof typeof OUTPUT_FILES;
export const OUTPUT_FILE_NAMES = Object.keys(OUTPUT_FILES) as OutputFile[];

export interface StoredObject {
  size: number;
  /** A strong validator of the bytes (quoted, as in an ETag header). */
  etag: string;
  lastModified: Date;
}

/** Inclusive byte offsets, as in a Content-Range. */
export interface ByteSpan {
  start: number;
  end: number;
}

/**
 * Content-addressed render cache entries shared by every worker (segments without personal data:
 * the same for every citizen), so a new worker starts warm.
 */
export interface SharedCache {
  /** Writes the entry to `dest` and returns true, or false when the store has none. */
  fetch(key: string, dest: string): Promise<boolean>;
  put(key: string, src: string): Promise<void>;
}

/**
 * Where a guide's rendered files live. Objects are named by guide id and file name only: no
 * personal data in a key. One small interface so the API, the workers and the purge do not care
 * whether it is a directory or a bucket.
 */
export interface MediaStore {
  readonly kind: 'local' | 's3';
  /** The file on this machine when the store is a directory (the API lets `send` serve it); else null. */
  localPath(guideId: string, file: OutputFile): string | null;
  stat(guideId: string, file: OutputFile): Promise<StoredObject | null>;
  /** The bytes of `span` (whole object without), as a stream; `etag` makes a replaced object fail. */
  read(guideId: string, file: OutputFile, span?: ByteSpan, etag?: string): Promise<Readable>;
  /** A URL that serves the object for `seconds`, or null when the store has none (a directory). */
  presign(guideId: string, file: OutputFile, seconds: number): Promise<string | null>;
  /**
   * Puts every output file found in `dir` into the store, video.mp4 last, and resolves only once
   * all of them are there: the caller marks the guide ready after it, never before.
   */
  publish(guideId: string, dir: string, signal?: AbortSignal): Promise<void>;
  /** True when the guide's video is in the store (a complete set: it is written last). */
  isPublished(guideId: string): Promise<boolean>;
  /** Removes every object of the guide (idempotent). */
  remove(guideId: string): Promise<void>;
  /** The same for many guides, in as few calls as the store allows (the purge's batches). */
  removeMany(guideIds: string[]): Promise<void>;
  /** The ids of every guide with objects in the store, a page at a time (the purge's orphan sweep). */
  guideIds(): AsyncIterable<string[]>;
  /** The store's part of the render cache, or null (a directory is already the worker's own disk). */
  readonly sharedCache: SharedCache | null;
  close(): void;
}

const GUIDE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Guide ids are UUIDs; anything else would let a caller reach outside the guide's own objects. */
export function assertGuideId(guideId: string): string {
  if (!GUIDE_ID.test(guideId)) throw new Error('media store: a guide id must be a lower-case UUID');
  return guideId;
}

export const isOutputFile = (name: string): name is OutputFile => Object.hasOwn(OUTPUT_FILES, name);
