import type { Queue } from 'bullmq';
import { versionOf, type Envelope } from '../../compositions/guide-types';
import type { Config } from '../config';
import type { Database, Queryable } from '../db/database';
import { insertGuide, type GuideStatus } from '../db/guides';
import { insertTokens } from '../db/tokens';
import { CHANNELS, linkOf, mintTokens } from '../db/token-derivation';
import { directHoldoutShare, holdoutKey, isHeldOut } from '../impact/holdout';
import type { Logger } from '../logger';
import { writeOutbox } from '../notify/outbox';
import { enqueueRenders, renderPriority, type NarrationJobData, type RenderJobData } from '../queues';
import type { Secrets } from '../secrets';
import { linksOfGuide, type Links } from './links';
import { prepareGuide } from './prepare';

/**
 * What creating a guide needs: the API's context has all of it, and so does the intake
 * (intake/). Each caller builds it from its own composition root.
 */
export interface GuideCreation {
  config: Pick<Config, 'tokenTtlSeconds' | 'publicBaseUrl' | 'impact'>;
  db: Database;
  secrets: Pick<Secrets, 'fiscalCodeHmacKey' | 'tokenSecret'>;
  renderQueue: Queue<RenderJobData>;
  /** Narration ahead of time for guides not rendered at once (server/guides/narration-ahead.ts); unset: none. */
  narrationQueue?: Queue<NarrationJobData>;
  logger: Logger;
}

export interface CreatedGuide {
  id: string;
  status: GuideStatus;
  created: boolean;
  links: Links;
  /** Held out of the type's impact evaluation (IMPACT_HOLDOUT_SHARES): no links, no notification, no render. */
  heldOut: boolean;
}

/**
 * The links of guides created in this transaction: one token per channel (only its hash and nonce
 * are stored) and the notification outbox rows for the channels each citizen consented to — in the
 * transaction that wrote the guides, or not at all. Held-out guides must not be passed in.
 */
export async function issueLinks(
  tx: Queryable,
  secrets: Pick<Secrets, 'tokenSecret'>,
  baseUrl: string,
  guideIds: readonly string[],
  expiresAt: Date,
): Promise<Map<string, Links>> {
  const minted = mintTokens(secrets.tokenSecret, guideIds, CHANNELS);
  await insertTokens(
    tx,
    minted.map((m) => ({ ...m, expiresAt })),
  );
  await writeOutbox(tx, guideIds);
  const out = new Map<string, Links>();
  for (const m of minted) {
    const links = out.get(m.guideId) ?? {};
    links[m.channel] = linkOf(baseUrl, m.token);
    out.set(m.guideId, links);
  }
  return out;
}

/**
 * One guide from one envelope (POST /api/guides, POST /api/triggers, the demo guides): the guide,
 * its four tokens and its notification outbox rows in one transaction, then the render job. A
 * repeated externalRef returns the existing guide with its links re-derived, and creates nothing.
 * A guide held out of its type's impact evaluation (docs/impact.md) is stored with no token, no
 * outbox row and no render: the upstream system gets no links and sends its ordinary communication.
 */
export async function createGuide(ctx: GuideCreation, envelope: Envelope, options: { notify: boolean }): Promise<CreatedGuide> {
  const prepared = prepareGuide(envelope, ctx.secrets.fiscalCodeHmacKey);
  const typeVersion = versionOf(envelope.type);
  const expiresAt = new Date(Date.now() + ctx.config.tokenTtlSeconds * 1000);
  const heldOut = isHeldOut(
    holdoutKey(ctx.config.impact, ctx.secrets.tokenSecret),
    null,
    envelope.externalRef,
    directHoldoutShare(ctx.config.impact, envelope.type),
  );
  const result = await ctx.db.transaction(async (tx) => {
    const { row, created } = await insertGuide(tx, {
      ...prepared,
      typeVersion,
      expiresAt,
      status: heldOut ? 'pending' : 'queued',
      notify: options.notify,
      heldOut,
    });
    if (!created) return { row, created, links: undefined };
    if (row.held_out) return { row, created, links: {} };
    const links = (await issueLinks(tx, ctx.secrets, ctx.config.publicBaseUrl, [row.id], row.expires_at)).get(row.id) ?? {};
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
