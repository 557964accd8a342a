import { Router } from 'express';
import { GUIDE_TYPE_DEFINITIONS } from '../../compositions/guide-types';
import type { CampaignUploadReport } from '../../contract/reports';
import type { AppContext } from '../deps';
import { ApiError } from '../errors';
import { NDJSON_TYPES, requireStreamedBody } from '../streamed-body';
import { csvRows } from './csv';
import { ingestUpload } from './ingest';
import { ndjsonRows } from '../../server/uploads/ndjson';
import { requireRole } from '../middleware/api-key';
import { campaignOr404 } from './routes';

/** A single envelope is a few KB; anything near this is a mistake, not a guide. */
const MAX_RECORD_BYTES = 256 * 1024;

/**
 * POST /api/campaigns/:id/guides: the whole campaign in one streamed body, NDJSON
 * (application/x-ndjson) or CSV (text/csv). The body is never buffered: rows are validated and
 * written in batches as they arrive, so 1,000,000 rows take the memory of a few thousand.
 */
export function campaignUploadRoutes(ctx: AppContext): Router {
  const r = Router();
  r.post('/api/campaigns/:id/guides', requireRole(ctx, ['operator']), async (req, res) => {
    const campaign = await campaignOr404(ctx, req.params.id);
    const envelope = GUIDE_TYPE_DEFINITIONS[campaign.guide_type].envelope;
    const csv = Boolean(req.is('text/csv'));
    requireStreamedBody(req, [...NDJSON_TYPES, 'application/json-seq', 'text/csv'], 'application/x-ndjson (one envelope per line) or text/csv', 'upload');
    const source = csv ? csvRows(req, envelope, MAX_RECORD_BYTES) : ndjsonRows(req, MAX_RECORD_BYTES);
    let report;
    try {
      report = await ingestUpload(ctx, campaign, csv ? 'csv' : 'ndjson', source);
    } catch (err) {
      if (err instanceof ApiError) throw err;
      ctx.logger.error({ campaignId: campaign.id, err: { type: (err as Error).name, message: (err as Error).message } }, 'upload interrupted');
      throw new ApiError(
        503,
        'upload_interrupted',
        'the upload stopped before the end; upload the same file again: rows already stored are skipped, none is created twice',
      );
    }
    ctx.metrics.uploadRows.inc({ outcome: 'created' }, report.created);
    ctx.metrics.uploadRows.inc({ outcome: 'existing' }, report.existing);
    ctx.metrics.uploadRows.inc({ outcome: 'rejected' }, report.rejected);
    ctx.logger.info(
      { campaignId: campaign.id, rows: report.rows, created: report.created, existing: report.existing, rejected: report.rejected, seconds: report.seconds },
      'campaign upload',
    );
    res.status(200).json(report satisfies CampaignUploadReport);
  });
  return r;
}
