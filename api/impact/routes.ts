import { Router } from 'express';
import type { ImpactAnswer } from '../../contract/impact';
import type { OutcomeReport } from '../../contract/reports';
import { getCampaign } from '../../server/db/campaigns';
import { impactFigures, readImpactData } from '../../server/impact/figures';
import { MIN_COUNT } from '../../server/impact/stats';
import { ndjsonRows } from '../../server/uploads/ndjson';
import type { AppContext } from '../deps';
import { ApiError, notFound } from '../errors';
import { NDJSON_TYPES, requireStreamedBody } from '../streamed-body';
import { ingestOutcomes, romeToday } from '../../server/impact/ingest-outcomes';
import { impactQuery } from './schemas';
import { requireRole } from '../middleware/api-key';
import { query } from '../validate';

/** An outcome line is ~150 bytes; anything near this is not an outcome. */
const MAX_LINE_BYTES = 16 * 1024;
const DEFAULT_WINDOWS = [30];

/**
 * Issue #17, the impact evaluation (docs/impact.md): outcomes in (operator), the effect with its
 * uncertainty out (analyst; every figure in docs/metrics.md).
 */
export function impactRoutes(ctx: AppContext): Router {
  const r = Router();

  r.post('/api/outcomes', requireRole(ctx, ['operator']), async (req, res) => {
    requireStreamedBody(req, NDJSON_TYPES, 'application/x-ndjson (one outcome per line)', 'outcomes');
    let report;
    try {
      report = await ingestOutcomes(ctx.db, ndjsonRows(req, MAX_LINE_BYTES, 'one outcome object'));
    } catch (err) {
      if (err instanceof ApiError) throw err;
      ctx.logger.error({ err: { type: (err as Error).name, message: (err as Error).message } }, 'outcome upload interrupted');
      throw new ApiError(
        503,
        'upload_interrupted',
        'the upload stopped before the end; send the same file again: outcomes already stored are skipped by their id, none is counted twice',
      );
    }
    // Counts only: lines and references never reach the log.
    ctx.logger.info(
      { rows: report.rows, created: report.created, existing: report.existing, rejected: report.rejected, seconds: report.seconds },
      'outcome upload',
    );
    res.setHeader('Cache-Control', 'no-store');
    res.status(200).json(report satisfies OutcomeReport);
  });

  r.get('/api/impact', requireRole(ctx, ['analyst']), async (req, res) => {
    const q = query(impactQuery, req.query);
    const started = performance.now();
    const campaign = q.campaign ? await getCampaign(ctx.db, q.campaign) : undefined;
    if (q.campaign && !campaign) throw notFound();
    const guideType = campaign?.guide_type ?? q.type!;
    const scope = { campaignId: campaign?.id ?? null, guideType };
    const windows = q.windows ?? DEFAULT_WINDOWS;
    const data = await readImpactData(ctx.db, scope, Math.max(...windows));
    const figures = impactFigures(scope, data, windows, { startBasis: campaign?.print_date ? 'print_date' : 'creation', today: romeToday() });
    res.setHeader('Cache-Control', 'no-store');
    res.json({
      scope: {
        campaignId: scope.campaignId,
        guideType,
        name: campaign?.name ?? null,
        holdoutShare: campaign ? campaign.holdout_share : (ctx.config.impact.directHoldoutShares[guideType] ?? 0),
        printDate: campaign?.print_date ?? null,
      },
      ...figures,
      method: { rate: 'wilson', difference: 'newcombe-hybrid-score', ratio: 'katz-log', confidence: 0.95, minCount: MIN_COUNT },
      generatedAt: new Date().toISOString(),
      queryMs: Math.round((performance.now() - started) * 10) / 10,
    } satisfies ImpactAnswer);
  });
  return r;
}
