import type { GuideType } from '../../compositions/common/envelope';
import type { OutcomeReport } from '../../contract/reports';
import type { FieldError } from '../../compositions/common/validation';
import type { Queryable } from '../db/database';
import { explain } from '../guides/field-errors';
import { storableTextProblems } from '../guides/storable-text';
import { ingestRows, storingReport } from '../uploads/ingest-rows';
import type { SourceRow } from '../uploads/source-row';
import { DEADLINES } from './kinds';
import { OUTCOME_FIELDS, outcomeLine } from './outcome-line';
import { existingCampaigns, storeOutcomes, type OutcomeRow } from './outcome-store';
import type { z } from 'zod';

/** What an upload or an outcome message gave: POST /api/outcomes answers it as it is. */
export type { OutcomeReport };

export interface OutcomeIngestOptions {
  batchSize?: number;
  maxErrors?: number;
  /** 'YYYY-MM-DD', Europe/Rome: outcomes may not be dated after it. */
  today?: string;
}

const DEADLINE_TYPES = Object.keys(DEADLINES) as GuideType[];

/** Today in Europe/Rome, YYYY-MM-DD. */
export const romeToday = (now = new Date()): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(now);

const NO_PERSONAL_DATA = `unknown field: an outcome carries only ${OUTCOME_FIELDS.join(', ')} (no personal data beyond the external reference)`;

function check(value: unknown, today: string): { ok: true; row: Omit<OutcomeRow, 'line'> } | { ok: false; errors: FieldError[] } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      ok: false,
      errors: [
        { field: '(root)', message: `expected a JSON object (one outcome), got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}` },
      ],
    };
  }
  const r = explain(outcomeLine, value);
  if (!r.ok) return { ok: false, errors: r.errors.map((e) => (e.message === 'unknown field' ? { ...e, message: NO_PERSONAL_DATA } : e)) };
  const o = r.value as z.infer<typeof outcomeLine>;
  const problems = storableTextProblems(o);
  if (problems.length) return { ok: false, errors: problems };
  if (o.date > today)
    return {
      ok: false,
      errors: [{ field: 'date', message: `must not be after today (${today}, Europe/Rome): outcomes are reported after they happen, got "${o.date}"` }],
    };
  return {
    ok: true,
    row: { outcomeId: o.outcomeId, campaignId: o.campaignId ?? null, externalRef: o.externalRef, kind: o.kind, serviceId: o.serviceId ?? '', date: o.date },
  };
}

/**
 * POST /api/outcomes and the broker's outcome messages (intake/outcomes.ts), streamed like the campaign upload (api/campaigns/ingest.ts): each line is validated as
 * it arrives, good rows are written in batches (one statement each, the rollups updated by its
 * trigger), one batch written while the next fills and reading paused while both are busy, so memory
 * stays flat. Bad rows are reported with line, field and reason; the rest are stored. Idempotent per
 * outcome id: a row already stored is counted as existing.
 */
export async function ingestOutcomes(db: Queryable, source: AsyncIterable<SourceRow>, options: OutcomeIngestOptions = {}): Promise<OutcomeReport> {
  const started = performance.now();
  const batchSize = options.batchSize ?? 5000;
  const maxErrors = options.maxErrors ?? 1000;
  const today = options.today ?? romeToday();
  const { report, reject } = storingReport({ format: 'ndjson' as const }, { created: 0, existing: 0 }, maxErrors);
  const known = new Set<string>();

  async function write(batch: OutcomeRow[]): Promise<void> {
    const campaigns = [...new Set(batch.map((r) => r.campaignId).filter((c): c is string => c !== null && !known.has(c)))];
    if (campaigns.length) for (const c of await existingCampaigns(db, campaigns)) known.add(c);
    const good = batch.filter((r) => {
      if (r.campaignId === null || known.has(r.campaignId)) return true;
      reject(r.line, [{ field: 'campaignId', message: 'no such campaign' }]);
      return false;
    });
    const stored = await storeOutcomes(db, good, DEADLINE_TYPES);
    for (const line of stored.unknown) {
      reject(line, [
        {
          field: 'externalRef',
          message: 'no guide with this external reference in the campaign (or among the guides created one at a time, without campaignId)',
        },
      ]);
    }
    for (const { line, type } of stored.noDeadline) {
      reject(line, [{ field: 'kind', message: `deadline_met is for guide types with a deadline (${DEADLINE_TYPES.join(', ')}); this guide is ${type}` }]);
    }
    report.created += stored.inserted;
    report.existing += stored.matched - stored.inserted;
  }

  await ingestRows(source, {
    report,
    reject,
    batchSize,
    check: (row) => {
      const checked = check(row.value, today);
      return checked.ok ? { ok: true, value: { line: row.line, ...checked.row } } : checked;
    },
    write,
  });
  // Refusals found by the database come after those found at parse time: list them by line.
  report.errors.sort((a, b) => a.line - b.line);
  report.seconds = Math.round(performance.now() - started) / 1000;
  return report;
}
