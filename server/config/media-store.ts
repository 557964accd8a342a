import { z } from 'zod';
import { optionalString, optionalUrl } from './parse';

/**
 * Where a guide's rendered files live (issue #18, docs/deployment.md "Media store"): the local
 * directory VIDEO_DIR (default, one machine) or an S3-compatible bucket that every API and worker
 * host reaches. Credentials are the standard AWS variables; unset, the SDK's own chain (instance
 * or task role, web identity) is used.
 */
const flag = (fallback: 'true' | 'false') =>
  z
    .enum(['true', 'false', '1', '0'], { error: 'expected true or false' })
    .default(fallback)
    .transform((s) => s === 'true' || s === '1');

export const mediaStoreSchema = z.object({
  MEDIA_STORE: z.enum(['local', 's3'], { error: 'expected local or s3' }).default('local'),
  MEDIA_S3_BUCKET: optionalString.pipe(
    z
      .string()
      .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'expected a bucket name: 3 to 63 lower-case letters, digits, dots and hyphens')
      .optional(),
  ),
  /** Keys start with it (several installations in one bucket); a trailing "/" is added. */
  MEDIA_S3_PREFIX: optionalString.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,199}$/, 'expected letters, digits and . _ / - (at most 200 characters), e.g. videoguida/prod')
      .refine((s) => !s.includes('//') && !s.split('/').includes('..'), 'expected no empty or ".." path segment')
      .optional(),
  ),
  /** Default AWS_REGION, else us-east-1 (most S3-compatible stores ignore it but sign with it). */
  MEDIA_S3_REGION: optionalString,
  AWS_REGION: optionalString,
  /** Another S3-compatible service than AWS (MinIO, Ceph RGW, a provider's endpoint). */
  MEDIA_S3_ENDPOINT: optionalUrl(/^https?:\/\//, 'https://s3.example.org'),
  /** Bucket in the path (https://host/bucket/key) instead of the host name: most self-hosted stores need it. */
  MEDIA_S3_FORCE_PATH_STYLE: flag('false'),
  /** Multipart part size for the MP4 (S3's minimum is 5 MiB). */
  MEDIA_S3_PART_SIZE_MB: z.coerce.number().int().min(5, 'at least 5 (S3 refuses smaller parts)').max(512, 'at most 512').default(8),
  /**
   * 0: the API streams media from the store itself (Range included). Above 0: it answers 302 to a
   * presigned URL valid this many seconds. The six-month capability stays the API's token, so a
   * store URL may only live minutes.
   */
  MEDIA_S3_REDIRECT_SECONDS: z.coerce
    .number()
    .int()
    .min(0, 'at least 0 (0: streamed by the API)')
    .max(900, 'at most 900 (15 minutes): the lasting capability is the API token, never a store URL')
    .default(0),
  /** Shared render segments (no personal data) kept in the store too, so a new worker starts warm. */
  MEDIA_S3_SHARED_CACHE: flag('true'),
  AWS_ACCESS_KEY_ID: optionalString,
  AWS_SECRET_ACCESS_KEY: optionalString,
  AWS_SESSION_TOKEN: optionalString,
});

type MediaStoreVars = z.infer<typeof mediaStoreSchema>;

/** Runs on the whole schema: the bucket is required only for the S3 store; keys come in pairs. */
export function requireS3Settings(e: MediaStoreVars, ctx: z.RefinementCtx): void {
  if (e.MEDIA_STORE !== 's3') return;
  if (!e.MEDIA_S3_BUCKET) ctx.addIssue({ code: 'custom', path: ['MEDIA_S3_BUCKET'], message: 'required when MEDIA_STORE=s3' });
  if (e.AWS_ACCESS_KEY_ID && !e.AWS_SECRET_ACCESS_KEY)
    ctx.addIssue({ code: 'custom', path: ['AWS_SECRET_ACCESS_KEY'], message: 'required when AWS_ACCESS_KEY_ID is set' });
  if (e.AWS_SECRET_ACCESS_KEY && !e.AWS_ACCESS_KEY_ID)
    ctx.addIssue({ code: 'custom', path: ['AWS_ACCESS_KEY_ID'], message: 'required when AWS_SECRET_ACCESS_KEY is set' });
}

export interface S3StoreSettings {
  kind: 's3';
  bucket: string;
  /** "" or ending in "/". */
  prefix: string;
  region: string;
  endpoint: string | undefined;
  forcePathStyle: boolean;
  partSizeBytes: number;
  redirectSeconds: number;
  sharedCache: boolean;
  /** undefined: the SDK's default provider chain. */
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } | undefined;
}

export type MediaStoreSettings = { kind: 'local' } | S3StoreSettings;

export function mediaStoreSection(e: MediaStoreVars): MediaStoreSettings {
  if (e.MEDIA_STORE === 'local') return { kind: 'local' };
  const prefix = e.MEDIA_S3_PREFIX ? `${e.MEDIA_S3_PREFIX.replace(/\/+$/, '')}/` : '';
  return {
    kind: 's3',
    bucket: e.MEDIA_S3_BUCKET!,
    prefix,
    region: e.MEDIA_S3_REGION ?? e.AWS_REGION ?? 'us-east-1',
    endpoint: e.MEDIA_S3_ENDPOINT,
    forcePathStyle: e.MEDIA_S3_FORCE_PATH_STYLE,
    partSizeBytes: e.MEDIA_S3_PART_SIZE_MB * 1024 * 1024,
    redirectSeconds: e.MEDIA_S3_REDIRECT_SECONDS,
    sharedCache: e.MEDIA_S3_SHARED_CACHE,
    credentials:
      e.AWS_ACCESS_KEY_ID && e.AWS_SECRET_ACCESS_KEY
        ? { accessKeyId: e.AWS_ACCESS_KEY_ID, secretAccessKey: e.AWS_SECRET_ACCESS_KEY, ...(e.AWS_SESSION_TOKEN ? { sessionToken: e.AWS_SESSION_TOKEN } : {}) }
        : undefined,
  };
}
