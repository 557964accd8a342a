import { randomUUID } from 'node:crypto';
import { versionOf } from '../../compositions/guide-types';
import type { CampaignUploadReport } from '../../contract/reports';
import type { CampaignRow } from '../../server/db/campaigns';
import { insertGuidesBatch, type BulkGuide } from '../../server/db/guides-bulk';
import { insertTokens } from '../../server/db/tokens';
import { CHANNELS, mintTokens } from '../../server/db/token-derivation';
import { holdoutKey, isHeldOut } from '../../server/impact/holdout';
import { writeOutbox } from '../../server/notify/outbox';
import { enqueueRenders, renderPriority } from '../../server/queues';
import type { AppContext } from '../deps';
import { checkEnvelope, prepareGuide } from '../../server/guides/prepare';
import { requestNarrations } from '../../server/guides/narration-ahead';
import { ingestRows, storingReport } from '../../server/uploads/ingest-rows';
import type { SourceRow } from '../../server/uploads/source-row';

/** The HTTP answer of POST /api/campaigns/:id/guides, as the contract gives it. */
export type UploadReport = CampaignUploadReport;

export interface IngestOptions {
  batchSize?: number;
  maxErrors?: number;
}

/**
 * Validates each row and writes the good ones in batches: one INSERT for the guides, one for their
 * tokens, in one transaction per batch. Memory stays flat whatever the upload size: at most one batch
 * being written while the next one fills, and reading pauses (back-pressure) while both are busy.
 * Idempotent by externalRef: rows the campaign already holds are counted as `existing`.
 */
export async function ingestUpload(
  ctx: AppContext,
  campaign: CampaignRow,
  format: UploadReport['format'],
  source: AsyncIterable<SourceRow>,
  options: IngestOptions = {},
): Promise<UploadReport> {
  const started = performance.now();
  const batchSize = options.batchSize ?? 1000;
  const maxErrors = options.maxErrors ?? 1000;
  const type = campaign.guide_type;
  const typeVersion = versionOf(type);
  const eager = campaign.render_policy === 'eager';
  const expiresAt = campaign.expires_at ?? new Date(Date.now() + ctx.config.tokenTtlSeconds * 1000);
  const bulk = { campaignId: campaign.id, typeVersion, expiresAt, status: eager ? ('queued' as const) : ('pending' as const), notify: true };
  const priority = renderPriority({ printDate: campaign.print_date });
  const { report, reject } = storingReport({ campaignId: campaign.id, format }, { created: 0, existing: 0, heldOut: 0, enqueued: 0 }, maxErrors);

  // The holdout (docs/impact.md): decided per row from the campaign and the external reference, so a
  // re-upload holds out the same citizens; rows the campaign already has keep what was stored.
  const key = holdoutKey(ctx.config.impact, ctx.secrets.tokenSecret);
  const share = campaign.holdout_share;

  async function write(batch: BulkGuide[]): Promise<void> {
    const created = await ctx.db.transaction(async (tx) => {
      const rows = await insertGuidesBatch(tx, bulk, batch);
      // A held-out citizen gets the ordinary letter: no link on any channel, so no notification either.
      const treated = rows.filter((r) => !r.heldOut).map((r) => r.id);
      const minted = mintTokens(ctx.secrets.tokenSecret, treated, CHANNELS);
      await insertTokens(
        tx,
        minted.map((m) => ({ ...m, expiresAt })),
      );
      // The campaign's channels, for the citizens who consented: written with the guides or not at all.
      await writeOutbox(tx, treated);
      return rows;
    });
    const toRender = created.filter((c) => !c.heldOut);
    report.created += created.length;
    report.heldOut += created.length - toRender.length;
    report.existing += batch.length - created.length;
    ctx.metrics.guidesCreated.inc({ source: 'bulk' }, created.length);
    if (eager && toRender.length) {
      try {
        await enqueueRenders(
          ctx.renderQueue,
          toRender.map((c) => ({ guideId: c.id, typeVersion, priority })),
        );
        report.enqueued += toRender.length;
      } catch (err) {
        // Still 'queued' in the database: the render worker's periodic reconcile enqueues it again.
        ctx.logger.warn({ campaignId: campaign.id, err: { type: (err as Error).name, message: (err as Error).message } }, 'render enqueue failed');
      }
    }
    // Rendered at first access: narrated ahead instead, by print date like the renders (docs/narration.md).
    if (!eager && toRender.length)
      await requestNarrations(
        ctx.narrationQueue,
        ctx.logger,
        toRender.map((c) => ({ guideId: c.id, typeVersion, priority })),
        { campaignId: campaign.id },
      );
  }

  await ingestRows(source, {
    report,
    reject,
    batchSize,
    check: (row) => {
      const checked = checkEnvelope(row.value, type);
      if (!checked.ok) return checked;
      const prepared = prepareGuide(checked.envelope, ctx.secrets.fiscalCodeHmacKey);
      return { ok: true, value: { id: randomUUID(), ...prepared, heldOut: isHeldOut(key, campaign.id, prepared.externalRef, share) } };
    },
    write,
  });
  report.seconds = Math.round(performance.now() - started) / 1000;
  return report;
}
