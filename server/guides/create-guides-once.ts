import { randomUUID } from 'node:crypto';
import { versionOf } from '../../compositions/guide-types';
import { directGuidesByRef, guideStates, type GuideStatus } from '../db/guides';
import { insertGuidesBatch, type BulkGuide } from '../db/guides-bulk';
import { claimMessages, handledMessages, recordMessageGuides } from '../db/intake-messages';
import { directHoldoutShare, holdoutKey, isHeldOut } from '../impact/holdout';
import { enqueueRenders, renderPriority } from '../queues';
import { issueLinks, type GuideCreation } from './create-guide';
import { linksOfGuides, type Links } from './links';
import { requestNarrations } from './narration-ahead';
import type { PreparedGuide } from './prepare';

/**
 * One message of a batch: its id at its source, and the guide its valid envelope makes
 * (prepareGuide: done by the caller, which may run it on another thread).
 */
export interface MessageRequest {
  messageId: string;
  prepared: PreparedGuide;
  notify: boolean;
}

/**
 * created: this message created the guide. existing: the message is new but its externalRef already
 * had a guide (made through the API or by another message), which answers it. duplicate: the message
 * was handled before (a redelivery, a publisher's retry): the guide it got then.
 */
export type MessageOutcomeKind = 'created' | 'existing' | 'duplicate';

export interface MessageOutcome {
  messageId: string;
  outcome: MessageOutcomeKind;
  /** null only for a duplicate whose guide was deleted or purged since. */
  guideId: string | null;
  status: GuideStatus | null;
  heldOut: boolean;
  links: Links;
}

export interface MessageBatchOptions {
  /** Messages are unique per source (docs/intake.md): the configured name of the upstream queue. */
  source: string;
  /** eager: new guides are queued for rendering at once, ahead of campaigns; lazy: at first opening. */
  render: 'eager' | 'lazy';
}

interface Prepared extends BulkGuide {
  messageId: string;
  typeVersion: string;
  notify: boolean;
}

/**
 * Creates the guides of a batch of broker messages, each message exactly once: in one transaction,
 * the messages are claimed (a unique (source, message id) row each), the new ones' guides inserted
 * (direct guides, idempotent by externalRef like POST /api/guides), their tokens and outbox rows
 * written, and each message's row pointed at its guide. A message claimed before gets its earlier
 * guide back and writes nothing. Renders are queued after the commit (a failure leaves the guide
 * 'queued' for the worker's reconciliation). Outcomes come back in the order of `requests`; an id
 * repeated within the batch is a duplicate of its first occurrence.
 */
export async function createGuidesOnce(ctx: GuideCreation, requests: readonly MessageRequest[], options: MessageBatchOptions): Promise<MessageOutcome[]> {
  const key = holdoutKey(ctx.config.impact, ctx.secrets.tokenSecret);
  const expiresAt = new Date(Date.now() + ctx.config.tokenTtlSeconds * 1000);
  const status: GuideStatus = options.render === 'eager' ? 'queued' : 'pending';
  const prepared = new Map<string, Prepared>();
  for (const r of requests) {
    if (prepared.has(r.messageId)) continue;
    const p = r.prepared;
    const heldOut = isHeldOut(key, null, p.externalRef, directHoldoutShare(ctx.config.impact, p.data.type));
    prepared.set(r.messageId, { id: randomUUID(), ...p, heldOut, messageId: r.messageId, typeVersion: versionOf(p.data.type), notify: r.notify });
  }

  const written = await ctx.db.transaction(async (tx) => {
    const claimed = await claimMessages(tx, options.source, [...prepared.keys()]);
    // Guides in externalRef order, so concurrent batches meet the unique index in the same order.
    const fresh = [...claimed].map((id) => prepared.get(id)!).sort((a, b) => (a.externalRef < b.externalRef ? -1 : a.externalRef > b.externalRef ? 1 : 0));
    const groups = new Map<string, Prepared[]>();
    for (const p of fresh) {
      const g = `${p.typeVersion}\n${p.notify}`;
      const group = groups.get(g);
      if (group) group.push(p);
      else groups.set(g, [p]);
    }
    const created = new Map<string, { heldOut: boolean }>();
    for (const group of groups.values()) {
      const { typeVersion, notify } = group[0]!;
      for (const c of await insertGuidesBatch(tx, { campaignId: null, typeVersion, expiresAt, status, notify }, group))
        created.set(c.id, { heldOut: c.heldOut });
    }
    // Claimed, but the externalRef had a guide already (or an earlier message of this batch made it).
    const existing = await directGuidesByRef(
      tx,
      fresh.filter((p) => !created.has(p.id)).map((p) => p.externalRef),
    );
    const treated = [...created].filter(([, c]) => !c.heldOut).map(([id]) => id);
    const links = await issueLinks(tx, ctx.secrets, ctx.config.publicBaseUrl, treated, expiresAt);
    const outcomes = new Map<string, MessageOutcome>();
    for (const p of fresh) {
      const mine = created.get(p.id);
      const other = mine ? undefined : existing.get(p.externalRef);
      if (!mine && !other) throw new Error('a guide insert conflicted but no guide with its externalRef was found');
      outcomes.set(
        p.messageId,
        mine
          ? {
              messageId: p.messageId,
              outcome: 'created',
              guideId: p.id,
              status: mine.heldOut ? 'pending' : status,
              heldOut: mine.heldOut,
              links: links.get(p.id) ?? {},
            }
          : { messageId: p.messageId, outcome: 'existing', guideId: other!.id, status: other!.status, heldOut: other!.held_out, links: {} },
      );
    }
    await recordMessageGuides(
      tx,
      options.source,
      fresh.map((p) => ({ messageId: p.messageId, guideId: outcomes.get(p.messageId)!.guideId!, created: created.has(p.id) })),
    );
    const before = await handledMessages(
      tx,
      options.source,
      [...prepared.keys()].filter((id) => !claimed.has(id)),
    );
    return { outcomes, before, created: treated };
  });

  if (options.render === 'eager' && written.created.length) {
    const versions = new Map([...prepared.values()].map((p) => [p.id, p.typeVersion]));
    const renders = written.created.map((guideId) => ({ guideId, typeVersion: versions.get(guideId)!, priority: renderPriority({ immediate: true }) }));
    await enqueueRenders(ctx.renderQueue, renders).catch((err: Error) =>
      // Still 'queued' in the database: the worker re-enqueues such guides.
      ctx.logger.warn({ guides: renders.length, err: { type: err.name, message: err.message } }, 'render enqueue failed'),
    );
  }

  // Not rendered now: narrated ahead on a narrator (first in its queue: these citizens are told now).
  if (options.render === 'lazy' && written.created.length) {
    const versions = new Map([...prepared.values()].map((p) => [p.id, p.typeVersion]));
    await requestNarrations(
      ctx.narrationQueue,
      ctx.logger,
      written.created.map((guideId) => ({ guideId, typeVersion: versions.get(guideId)!, priority: renderPriority({ immediate: true }) })),
    );
  }

  // Duplicates: the guide of their first handling, its state and live links now.
  const { outcomes, before } = written;
  const dupGuides = [...before.values()].map((h) => h.guide_id).filter((id): id is string => id !== null);
  const states = await guideStates(ctx.db, dupGuides);
  for (const h of before.values()) {
    const state = h.guide_id ? states.get(h.guide_id) : undefined;
    outcomes.set(h.message_id, {
      messageId: h.message_id,
      outcome: 'duplicate',
      guideId: state ? state.id : null,
      status: state?.status ?? null,
      heldOut: state?.held_out ?? false,
      links: {},
    });
  }
  // Links re-derived from the stored nonces where this transaction did not mint them.
  const rederive = [...outcomes.values()].filter((o) => o.outcome !== 'created' && o.guideId && !o.heldOut).map((o) => o.guideId!);
  const live = await linksOfGuides(ctx.db, ctx.secrets.tokenSecret, ctx.config.publicBaseUrl, [...new Set(rederive)]);
  for (const o of outcomes.values()) if (o.outcome !== 'created' && o.guideId) o.links = live.get(o.guideId) ?? {};

  const seen = new Set<string>();
  return requests.map((r) => {
    const o = outcomes.get(r.messageId)!;
    if (seen.has(r.messageId)) return { ...o, outcome: 'duplicate' as const, status: o.status, links: o.links };
    seen.add(r.messageId);
    return o;
  });
}
