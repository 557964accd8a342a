import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DeleteObjectsCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { S3StoreSettings } from '../config/media-store';
import { assertGuideId, OUTPUT_FILE_NAMES, OUTPUT_FILES, type ByteSpan, type MediaStore, type OutputFile, type SharedCache, type StoredObject } from './store';

const GUIDE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CACHE_KEY = /^[0-9a-f]{64}\.[a-z0-9]{1,8}$/;
/** DeleteObjects takes at most 1,000 keys. */
const DELETE_BATCH = 1000;

const isMissing = (err: unknown): boolean => {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NotFound' || e?.name === 'NoSuchKey' || e?.$metadata?.httpStatusCode === 404;
};

export function createS3Client(s: S3StoreSettings): S3Client {
  return new S3Client({
    region: s.region,
    endpoint: s.endpoint,
    forcePathStyle: s.forcePathStyle,
    credentials: s.credentials,
    // Checksums only where S3 requires them (DeleteObjects): the SDK's default since 2025 sends
    // aws-chunked bodies with trailing CRCs that many S3-compatible stores do not accept.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
    // A store that stops answering fails the request (the API answers 5xx, the render is retried)
    // instead of holding a socket for ever.
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
  });
}

/**
 * Any S3-compatible store, through standard calls only (Head/Get/Put/List/DeleteObjects, multipart
 * upload, presigned GET). Keys: <prefix>guides/<guide id>/<file> and <prefix>cache/<content hash>.
 */
export class S3MediaStore implements MediaStore {
  readonly kind = 's3' as const;
  readonly client: S3Client;
  readonly sharedCache: SharedCache | null;

  constructor(
    readonly settings: S3StoreSettings,
    client?: S3Client,
  ) {
    this.client = client ?? createS3Client(settings);
    this.sharedCache = settings.sharedCache ? { fetch: (k, d) => this.fetchCached(k, d), put: (k, s) => this.putCached(k, s) } : null;
  }

  private get bucket(): string {
    return this.settings.bucket;
  }

  keyOf(guideId: string, file: OutputFile): string {
    return `${this.settings.prefix}guides/${assertGuideId(guideId)}/${file}`;
  }

  private cacheKey(key: string): string {
    if (!CACHE_KEY.test(key)) throw new Error('media store: a cache key must be a content hash with an extension');
    return `${this.settings.prefix}cache/${key}`;
  }

  localPath(): null {
    return null;
  }

  async stat(guideId: string, file: OutputFile): Promise<StoredObject | null> {
    try {
      const h = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.keyOf(guideId, file) }));
      return { size: h.ContentLength ?? 0, etag: h.ETag ?? '""', lastModified: h.LastModified ?? new Date(0) };
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async read(guideId: string, file: OutputFile, span?: ByteSpan, etag?: string): Promise<Readable> {
    const r = await this.client.send(
      new GetObjectCommand({ Bucket: this.bucket, Key: this.keyOf(guideId, file), Range: span ? `bytes=${span.start}-${span.end}` : undefined, IfMatch: etag }),
    );
    return r.Body as Readable;
  }

  async presign(guideId: string, file: OutputFile, seconds: number): Promise<string> {
    // no-store on the store's answer too: the URL carries a signature a shared cache must not keep.
    const cmd = new GetObjectCommand({ Bucket: this.bucket, Key: this.keyOf(guideId, file), ResponseCacheControl: 'private, no-store' });
    return getSignedUrl(this.client, cmd, { expiresIn: seconds });
  }

  /** A file through a multipart upload when larger than a part (one PUT otherwise), aborted with `signal`. */
  private async upload(key: string, src: string, contentType: string, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: key, Body: fs.createReadStream(src), ContentType: contentType },
      partSize: this.settings.partSizeBytes,
      queueSize: 2,
      // A failed upload removes its parts (AbortMultipartUpload) instead of leaving them billed.
      leavePartsOnError: false,
    });
    const onAbort = () => void upload.abort().catch(() => undefined);
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      await upload.done();
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  async publish(guideId: string, dir: string, signal?: AbortSignal): Promise<void> {
    const present = OUTPUT_FILE_NAMES.filter((f) => fs.existsSync(path.join(dir, f)));
    const small = present.filter((f) => f !== 'video.mp4');
    // The small files side by side, then the video: once it is there, the set is complete.
    await Promise.all(small.map((f) => this.upload(this.keyOf(guideId, f), path.join(dir, f), OUTPUT_FILES[f], signal)));
    if (present.includes('video.mp4')) await this.upload(this.keyOf(guideId, 'video.mp4'), path.join(dir, 'video.mp4'), OUTPUT_FILES['video.mp4'], signal);
  }

  async isPublished(guideId: string): Promise<boolean> {
    return (await this.stat(guideId, 'video.mp4')) !== null;
  }

  /** Deletes every output key of the guides, 1,000 keys a call (deleting a missing key succeeds). */
  async removeMany(guideIds: string[]): Promise<void> {
    const keys = guideIds.flatMap((id) => OUTPUT_FILE_NAMES.map((f) => this.keyOf(id, f)));
    for (let i = 0; i < keys.length; i += DELETE_BATCH) {
      const batch = keys.slice(i, i + DELETE_BATCH);
      const r = await this.client.send(new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }));
      if (r.Errors?.length) throw new Error(`media store: ${r.Errors.length} objects not deleted (first: ${r.Errors[0]!.Code ?? 'error'})`);
    }
  }

  remove(guideId: string): Promise<void> {
    return this.removeMany([guideId]);
  }

  async *guideIds(): AsyncIterable<string[]> {
    const prefix = `${this.settings.prefix}guides/`;
    let token: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, Delimiter: '/', ContinuationToken: token }));
      const ids = (page.CommonPrefixes ?? []).map((p) => (p.Prefix ?? '').slice(prefix.length).replace(/\/$/, '')).filter((id) => GUIDE_ID.test(id));
      if (ids.length) yield ids;
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  private async fetchCached(key: string, dest: string): Promise<boolean> {
    let body: Readable;
    try {
      body = (await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.cacheKey(key) }))).Body as Readable;
    } catch (err) {
      if (isMissing(err)) return false;
      throw err;
    }
    await pipeline(body, fs.createWriteStream(dest));
    return true;
  }

  private putCached(key: string, src: string): Promise<void> {
    return this.upload(this.cacheKey(key), src, 'application/octet-stream');
  }

  close(): void {
    this.client.destroy();
  }
}
