import { versionOf, type Envelope } from '../../compositions/guide-types';
import { insertGuide, type GuideStatus } from '../../server/db/guides';
import { insertTokens } from '../../server/db/tokens';
import { CHANNELS, linkOf, mintTokens } from '../../server/db/token-derivation';
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
}

/**
 * One guide from one envelope (POST /api/guides, POST /api/triggers, the demo guides): the guide,
 * its four tokens and its notification outbox rows in one transaction, then the render job. A
 * repeated externalRef returns the existing guide with its links re-derived, and creates nothing.
 */
export async function createGuide(ctx: AppContext, envelope: Envelope, options: { notify: boolean }): Promise<CreatedGuide> {
  const prepared = prepareGuide(envelope, ctx.secrets.fiscalCodeHmacKey);
  const typeVersion = versionOf(envelope.type);
  const expiresAt = new Date(Date.now() + ctx.config.tokenTtlSeconds * 1000);
  const result = await ctx.db.transaction(async (tx) => {
    const { row, created } = await insertGuide(tx, { ...prepared, typeVersion, expiresAt, status: 'queued', notify: options.notify });
    if (!created) return { row, created, links: undefined };
    const minted = mintTokens(ctx.secrets.tokenSecret, [row.id], CHANNELS);
    await insertTokens(tx, minted.map((m) => ({ ...m, expiresAt: row.expires_at })));
    // Notifications to the channels the citizen consented to: in this transaction, or not at all.
    await writeOutbox(tx, [row.id]);
    const links: Links = {};
    for (const m of minted) links[m.channel] = linkOf(ctx.config.publicBaseUrl, m.token);
    return { row, created, links };
  });
  const { row, created } = result;
  if (created) {
    // Event-triggered: the citizen is told now, so this render goes ahead of any campaign's.
    await enqueueRenders(ctx.renderQueue, [{ guideId: row.id, typeVersion, priority: renderPriority({ immediate: true }) }]).catch((err: Error) =>
      // The guide stays 'queued' in the database; the worker re-enqueues such guides at start.
      ctx.logger.warn({ guideId: row.id, err: { type: err.name, message: err.message } }, 'render enqueue failed'),
    );
  }
  const links = result.links ?? (await linksOfGuide(ctx.db, ctx.secrets.tokenSecret, ctx.config.publicBaseUrl, row.id));
  return { id: row.id, status: row.status, created, links };
}
