import { Router, type Request } from 'express';
import { parseWith } from '../../compositions/common/validation';
import type { ConsentSyncReport } from '../../contract/reports';
import { fiscalCodeHmac } from '../../server/fiscal-code-hmac';
import { applyConsentChanges, type ConsentChange } from '../../server/notify/consents';
import { rowRejecter } from '../../server/uploads/ingest-rows';
import { ndjsonRows } from '../../server/uploads/ndjson';
import type { AppContext } from '../deps';
import { NDJSON_TYPES, requireStreamedBody } from '../streamed-body';
import { requireRole } from '../middleware/api-key';
import { consentLine } from './contacts';
import { actorOf } from './identity';

const MAX_LINE_BYTES = 4096;
const BATCH = 1000;
const MAX_ERRORS = 1000;

/**
 * PUT /api/consents: an upstream system (the institute's contact registry) syncs consents in bulk,
 * NDJSON, one citizen per line: {"fiscalCode", "proactive", "email"?, "mobile"?, "pec"?, "app"?}.
 * The fiscal code travels only in the body and is turned into its HMAC at once. Streamed: lines are
 * validated as they arrive and applied 1,000 at a time (one statement each); bad lines never stop
 * good ones, and the answer reports them by line like the bulk guide upload.
 */
export function consentSyncRoutes(ctx: AppContext): Router {
  const r = Router();
  r.put('/api/consents', requireRole(ctx, ['operator']), async (req, res) => {
    requireStreamedBody(req, NDJSON_TYPES, 'application/x-ndjson (one citizen per line)', 'sync');
    const report = await syncConsents(ctx, req, await actorOf(ctx, req));
    ctx.logger.info(
      { consent: 'sync', rows: report.rows, updated: report.updated, unchanged: report.unchanged, rejected: report.rejected, seconds: report.seconds },
      'consent sync',
    );
    res.json(report satisfies ConsentSyncReport);
  });
  return r;
}

async function syncConsents(ctx: AppContext, req: Request, actor: string): Promise<ConsentSyncReport> {
  const started = performance.now();
  const report: ConsentSyncReport = { rows: 0, updated: 0, unchanged: 0, rejected: 0, errors: [], errorsTruncated: false, seconds: 0 };
  const reject = rowRejecter(report, MAX_ERRORS);
  let batch: ConsentChange[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const changed = await applyConsentChanges(ctx.db, batch, 'upstream', actor);
    report.updated += changed.length;
    report.unchanged += batch.length - changed.length;
    batch = [];
  };
  for await (const row of ndjsonRows(req, MAX_LINE_BYTES)) {
    report.rows += 1;
    if ('errors' in row) {
      reject(
        row.line,
        row.errors.map((e) => ({ ...e, message: e.message.replace('one envelope object', 'one consent object') })),
      );
      continue;
    }
    // Errors name the field and the rule, never the value: a report must not carry personal data.
    const parsed = parseWith(consentLine, row.value);
    if (!parsed.ok) {
      reject(row.line, parsed.errors);
      continue;
    }
    const { fiscalCode, ...change } = parsed.value;
    batch.push({ hmac: fiscalCodeHmac(ctx.secrets.fiscalCodeHmacKey, fiscalCode), ...change });
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  report.seconds = Math.round(performance.now() - started) / 1000;
  return report;
}
