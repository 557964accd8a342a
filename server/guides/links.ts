import type { Queryable } from '../db/database';
import { liveTokens } from '../db/tokens';
import { deriveToken, linkOf, type Channel } from '../db/token-derivation';

export type Links = Partial<Record<Channel, string>>;

/** Re-derives the links of live tokens from their stored nonces (the token itself is never stored). */
export async function linksOfGuides(q: Queryable, secret: string, baseUrl: string, guideIds: readonly string[]): Promise<Map<string, Links>> {
  const out = new Map<string, Links>();
  for (const t of await liveTokens(q, guideIds)) {
    const links = out.get(t.guide_id) ?? {};
    links[t.channel] = linkOf(baseUrl, deriveToken(secret, t.nonce));
    out.set(t.guide_id, links);
  }
  return out;
}

export async function linksOfGuide(q: Queryable, secret: string, baseUrl: string, guideId: string): Promise<Links> {
  return (await linksOfGuides(q, secret, baseUrl, [guideId])).get(guideId) ?? {};
}
