import { z } from 'zod';
import { narrationTrack } from '../../compositions/common/video-props';
import type { Guide } from '../../compositions/guide-types';
import { isGuideType, loadGuideType } from './guide-types';

/** What GET /api/access/:token answers, checked at the edge: the page trusts nothing it did not parse. */
const mediaPath = z.string().regex(/^\/api\/media\//, 'expected a media path on this server');
const manifestEnvelope = z.object({
  type: z.string(),
  typeVersion: z.string(),
  locale: z.enum(['it', 'en']),
  title: z.string(),
  status: z.string(),
  // Parsed below by the guide type's own schema, once its code is loaded.
  guide: z.object({ type: z.string() }).passthrough(),
  fps: z.literal(30),
  durationInFrames: z.number().int().positive(),
  chapters: z.array(z.object({ id: z.string(), title: z.string(), start: z.number(), end: z.number() })),
  narration: narrationTrack.nullable(),
  narrationStatus: z.enum(['ready', 'pending', 'unavailable']).default('unavailable'),
  media: z.object({ video: mediaPath, audio: mediaPath.optional(), poster: mediaPath, captions: mediaPath, chapters: mediaPath }).nullable(),
  expiresAt: z.string(),
});
export type Manifest = Omit<z.infer<typeof manifestEnvelope>, 'guide'> & { guide: Guide };

export class ManifestError extends Error {
  constructor(readonly kind: 'not-found' | 'network' | 'invalid') {
    super(kind);
  }
}

async function get(url: string, signal?: AbortSignal): Promise<Manifest> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: 'application/json' }, cache: 'no-store', ...(signal ? { signal } : {}) });
  } catch {
    throw new ManifestError('network');
  }
  if (res.status === 404) throw new ManifestError('not-found');
  if (!res.ok) throw new ManifestError('network');
  const parsed = manifestEnvelope.safeParse(await res.json().catch(() => null));
  if (!parsed.success || !isGuideType(parsed.data.guide.type)) throw new ManifestError('invalid');
  const def = await loadGuideType(parsed.data.guide.type).catch(() => {
    throw new ManifestError('network');
  });
  const guide = def.guide.safeParse(parsed.data.guide);
  if (!guide.success) throw new ManifestError('invalid');
  return { ...parsed.data, guide: guide.data as Guide };
}

export const fetchManifest = (token: string, signal?: AbortSignal) => get(`/api/access/${encodeURIComponent(token)}`, signal);

/** The manifest once the server has finished narrating (it holds the request until then). */
export const fetchNarrated = (token: string, signal?: AbortSignal) => get(`/api/access/${encodeURIComponent(token)}/narrated`, signal);
