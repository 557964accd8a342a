import type { Guide } from '../../compositions/guide-types';
import { accessManifest, type AccessManifest } from '../../contract/access-manifest';
import { isGuideType, loadGuideType } from './guide-types';

/** What GET /api/access/:token answers, checked at the edge with the one contract: the page trusts nothing it did not parse. */
export type Manifest = Omit<AccessManifest, 'guide'> & { guide: Guide };

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
  const parsed = accessManifest.safeParse(await res.json().catch(() => null));
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
