import { versionOf, type Envelope } from '../../compositions/guide-types';
import { insertGuide, type GuideStatus } from '../../server/db/guides';
import { insertTokens } from '../../server/db/tokens';
import { CHANNELS, linkOf, mintTokens } from '../../server/db/token-derivation';
import { directHoldoutShare, holdoutKey, isHeldOut } from '../../server/impact/holdout';
import { writeOutbox } from '../../server/notify/outbox';
import { enqueueRenders, renderPriority } from '../../server/queues';
import type { AppContext } from '../deps';
import { linksOfGuide, type Links } from './links';
import { prepareGuide } from './prepare';

export interface CreatedGuide {
  id: string;
  status: GuideStatus;
  created: boolean;
  links: Links;
  /** Held out of the type's impact evaluation (IMPACT_HOLDOUT_SHARES): no links, no notification, no render. */
  heldOut: boolean;
}

/**
 * One guide from one envelope (POST /api/guides, POST /api/triggers, the demo guides): the guide,
 * its four tokens and its notification outbox rows in one transaction, then the render job. A
 * repeated externalRef returns the existing guide with its links re-derived, and creates nothing.
 * A guide held out of its type's impact evaluation (docs/impact.md) is stored with no token, no
 * outbox row and no render: the upstream system gets no links and sends its ordinary communication.
 */
export async function createGuide(ctx: AppContext, envelope: Envelope, options: { notify: boolean }): Promise<CreatedGuide> {
  const prepared = prepareGuide(envelope, ctx.secrets.fiscalCodeHmacKey);
  const typeVersion = versionOf(envelope.type);
  const expiresAt = new Date(Date.now() + ctx.config.tokenTtlSeconds * 1000);
  const heldOut = isHeldOut(holdoutKey(ctx.config.impact, ctx.secrets.tokenSecret), null, envelope.externalRef, directHoldoutShare(ctx.config.impact, envelope.type));
  const result = await ctx.db.transaction(async (tx) => {
    const { row, created } = await insertGuide(tx, { ...prepared, typeVersion, expiresAt, status: heldOut ? 'pending' : 'queued', notify: options.notify, heldOut });
    if (!created) return { row, created, links: undefined };
    if (row.held_out) return { row, created, links: {} };
    const minted = mintTokens(ctx.secrets.tokenSecret, [row.id], CHANNELS);
    await insertTokens(tx, minted.map((m) => ({ ...m, expiresAt: row.expires_at })));
    // Notifications to the channels the citizen consented to: in this transaction, or not at all.
    await writeOutbox(tx, [row.id]);
    const links: Links = {};
    for (const m of minted) links[m.channel] = linkOf(ctx.config.publicBaseUrl, m.token);
    return { row, created, links };
  });
  const { row, created } = result;
  if (created && !row.held_out) {
    // Event-triggered: the citizen is told now, so this render goes ahead of any campaign's.
    await enqueueRenders(ctx.renderQueue, [{ guideId: row.id, typeVersion, priority: renderPriority({ immediate: true }) }]).catch((err: Error) =>
      // The guide stays 'queued' in the database; the worker re-enqueues such guides at start.
      ctx.logger.warn({ guideId: row.id, err: { type: err.name, message: err.message } }, 'render enqueue failed'),
    );
  }
  const links = result.links ?? (await linksOfGuide(ctx.db, ctx.secrets.tokenSecret, ctx.config.publicBaseUrl, row.id));
  return { id: row.id, status: row.status, created, links, heldOut: row.held_out };
}
