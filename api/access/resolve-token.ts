import type { Request } from 'express';
import { queueIfPending } from '../../server/db/guides';
import { findLiveToken, markFirstAccess, type AccessRow } from '../../server/db/tokens';
import { enqueueRenders, renderPriority } from '../../server/queues';
import type { AppContext } from '../deps';
import { notFound } from '../errors';

/**
 * The single code path behind /g/:token, /api/access/:token, /api/media/:token/... and the event
 * batches' tokens: one indexed query that leaves out unknown, revoked and expired tokens alike, then
 * one branch. All three leave by the same miss count and `throw notFound()`, with the same body and in
 * the same time class.
 */
export async function resolveToken(ctx: AppContext, token: string, req: Request): Promise<AccessRow> {
  const row = await findLiveToken(ctx.db, token);
  ctx.metrics.tokenLookups.inc({ outcome: row ? 'found' : 'miss' });
  if (row) return row;
  // A miss spends the address's miss budget (429 past it); a found token never does.
  await ctx.tokenMisses.spend(req);
  throw notFound();
}

/**
 * What a citizen's first look sets off, off the request's critical path: the channel's "opened"
 * mark and, for a lazy campaign's guide, its render job (the status flip makes it happen once; an
 * enqueue that fails leaves the guide queued, and the render worker's periodic reconcile enqueues it).
 */
export function afterAccess(ctx: AppContext, row: AccessRow): void {
  const work = async () => {
    if (row.first_access_at === null) await markFirstAccess(ctx.db, row.hash);
    if (row.status === 'pending' && (await queueIfPending(ctx.db, row.guide_id))) {
      await enqueueRenders(ctx.renderQueue, [{ guideId: row.guide_id, typeVersion: row.type_version, priority: renderPriority({ immediate: true }) }]);
    }
  };
  work().catch((err: Error) => ctx.logger.warn({ guideId: row.guide_id, err: { type: err.name, message: err.message } }, 'after-access work failed'));
}
