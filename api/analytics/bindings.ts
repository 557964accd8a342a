import { createHash } from 'node:crypto';
import type { Request } from 'express';
import type { AppContext } from '../deps';
import { resolveToken } from '../access/resolve-token';

/** What an event is bound to: the guide and channel of the token, and the guide's copied properties. */
export interface Binding {
  guideId: string;
  guideType: string;
  campaignId: string | null;
  channel: string;
  province: string | null;
}

/**
 * Token → binding, remembered for a minute. A player sends a batch every few seconds through the same
 * token; without this every batch costs a database round trip, and on PGlite that round trip waits
 * behind the event flushes on the one thread. Only found tokens are remembered (a miss always goes to
 * the database and spends the miss budget), keyed by the token's hash, and only the binding (never the
 * guide's data). A link revoked or expired in the last minute may still record events: harmless.
 */
export class BindingCache {
  private entries = new Map<string, { binding: Binding; until: number }>();

  constructor(
    private readonly ttlMs = 60_000,
    private readonly max = 50_000,
  ) {}

  async resolve(ctx: AppContext, token: string, req: Request): Promise<Binding> {
    const key = createHash('sha256').update(token).digest('base64url');
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return hit.binding;
    const row = await resolveToken(ctx, token, req);
    const binding: Binding = {
      guideId: row.guide_id,
      guideType: row.type,
      campaignId: row.campaign_id,
      channel: row.channel,
      province: 'citizen' in row.data ? row.data.citizen.province : null,
    };
    // Oldest first out: a Map iterates in insertion order.
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.delete(key);
    this.entries.set(key, { binding, until: now + this.ttlMs });
    return binding;
  }
}
