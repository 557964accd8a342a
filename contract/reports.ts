import { z } from 'zod';

/**
 * The reports of the write routes that take many records at once (api/campaigns/upload-routes.ts,
 * api/notify/consent-sync.ts, api/impact/routes.ts, api/analytics/routes.ts, api/notify/receipts.ts):
 * counts, and each refused record by line (or batch index), field and reason, never its value.
 */
const count = z.number().int().min(0);

export const rowError = z.object({
  line: z.number().int().min(1).meta({ description: '1-based line of the upload (for CSV, the line where the record ends)' }),
  field: z.string(),
  message: z.string(),
});

const lineReport = {
  rows: count.meta({ description: 'records read (blank lines are not records)' }),
  rejected: count,
  errors: z.array(rowError),
  errorsTruncated: z.boolean().meta({ description: 'more rows failed than errors lists; rejected has the full count' }),
  seconds: z.number().min(0),
};

// A CSV quote left open stops the reading: the rows before it stay stored, and the report says where.
const readToEnd = {
  complete: z.boolean().meta({ description: 'false when reading stopped early (see fatal); rows before that point are stored' }),
  fatal: z.object({ line: z.number().int(), message: z.string() }).nullable(),
};

/**
 * The report of an upload that stores new records (guides, outcomes), in its order: what was uploaded,
 * the lines read and refused, what was stored now (and what was already there), whether the reading
 * reached the end.
 */
const storingUploadReport = <Head extends z.ZodRawShape, Stored extends z.ZodRawShape>(head: Head, stored: Stored) =>
  z.object({ ...head, ...lineReport, ...stored, ...readToEnd });

export const campaignUploadReport = storingUploadReport(
  { campaignId: z.uuid(), format: z.enum(['ndjson', 'csv']) },
  {
    created: count,
    existing: count.meta({ description: 'rows whose externalRef the campaign already had (a re-upload): nothing was written for them' }),
    heldOut: count.meta({ description: 'of the guides created now, those held out of the impact evaluation: no link, no notification, no render' }),
    enqueued: count.meta({ description: 'render jobs queued now (eager campaigns)' }),
  },
).meta({ id: 'CampaignUploadReport' });
export type CampaignUploadReport = z.infer<typeof campaignUploadReport>;

export const consentSyncReport = z
  .object({
    ...lineReport,
    updated: count.meta({ description: 'citizens whose consent changed (one history row each)' }),
    unchanged: count.meta({ description: 'valid lines that matched what the registry already held' }),
  })
  .meta({ id: 'ConsentSyncReport' });
export type ConsentSyncReport = z.infer<typeof consentSyncReport>;

export const outcomeReport = storingUploadReport(
  { format: z.literal('ndjson') },
  {
    created: count.meta({ description: 'outcomes stored now' }),
    existing: count.meta({ description: 'outcome ids already stored (a re-send): nothing changed' }),
  },
).meta({ id: 'OutcomeReport' });
export type OutcomeReport = z.infer<typeof outcomeReport>;

export const eventsReport = z
  .object({
    accepted: count.meta({ description: 'valid events, now stored (an id already stored is not stored twice)' }),
    rejected: z.array(
      z.object({
        index: count.meta({ description: 'position of the event in the batch (0-based)' }),
        id: z.string().nullable(),
        field: z.string(),
        message: z.string(),
      }),
    ),
  })
  .meta({ id: 'EventsReport' });
export type EventsReport = z.infer<typeof eventsReport>;

export const receiptsReport = z
  .object({
    received: count,
    applied: count.meta({ description: 'receipts that changed a notification' }),
    ignored: count.meta({ description: 'receipts that changed nothing: an unknown notification, or one no provider was handed' }),
  })
  .meta({ id: 'ReceiptsReport' });
export type ReceiptsReport = z.infer<typeof receiptsReport>;
