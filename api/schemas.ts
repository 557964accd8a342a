import { z } from 'zod';
import { GUIDE_TYPES } from '../compositions/common/envelope';
import { guideStatus } from '../contract/guide-status';
import { hiddenCharacterProblem } from '../compositions/common/primitives';
import { serviceDay } from '../server/analytics/service-day';
import { MAX_HOLDOUT_SHARE } from '../server/config/impact';
import { campaign } from '../contract/campaigns';
import { channel, CHANNELS, links } from '../contract/channels';
import { createdGuide, TRIGGER_EVENTS } from '../contract/guides';
import { errorBody } from '../contract/errors';

/** Request and answer shapes at the API's edge; the OpenAPI document is generated from these. */

export const uuid = z.uuid({ error: 'expected a UUID' });
export const guideType = z.enum(GUIDE_TYPES, { error: `expected one of ${GUIDE_TYPES.join(', ')}` });
export { campaign, channel, errorBody, guideStatus, links };

export { createdGuide, TRIGGER_EVENTS };

/** A campaign's holdout share: 0 (nobody held out) to 0.5; 0.05 holds out one citizen in twenty. */
export const holdoutShare = z
  .number({ error: `expected a share from 0 to ${MAX_HOLDOUT_SHARE}, such as 0.05 for 5%` })
  .min(0, `expected a share from 0 to ${MAX_HOLDOUT_SHARE}, such as 0.05 for 5%`)
  .max(MAX_HOLDOUT_SHARE, `must be at most ${MAX_HOLDOUT_SHARE}: a holdout larger than half is not a holdout`);

export { serviceDay };

/** How far ahead a campaign's guides may stay available: guides live six months by default; more than this is a typo. */
export const MAX_CAMPAIGN_EXPIRY_YEARS = 5;

export const notifyFlag = z.boolean({ error: 'expected true or false' }).optional();

/**
 * A campaign's name, shown in the dashboard, the console and every campaign listing: one line of
 * plain text. No control characters or line breaks (a newline or BEL in a name breaks logs, CSV and
 * one-line displays), no directional or invisible characters (a name displaying as another), and
 * no < or > (the pages render names as text, escaped; refusing markup keeps any other consumer of
 * the API that forgets to escape from rendering it). Quotes and & stay allowed ("RED 2026 – Nord & Sud").
 */
export const campaignName = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  .superRefine((s, ctx) => {
    const hidden = hiddenCharacterProblem(s);
    const markup = [...s].findIndex((ch) => ch === '<' || ch === '>');
    if (hidden) ctx.addIssue({ code: 'custom', message: hidden });
    else if (markup !== -1)
      ctx.addIssue({
        code: 'custom',
        message: `must not contain < or > (got "${[...s][markup]}" at position ${markup}): a campaign name is one line of plain text`,
      });
  });

export const newCampaign = z.strictObject({
  guideType,
  name: campaignName,
  channels: z
    .array(channel)
    .min(1, 'expected at least one channel')
    .max(4)
    .default([...CHANNELS]),
  renderPolicy: z.enum(['eager', 'lazy'], { error: 'expected eager (render at upload) or lazy (render at first access)' }).default('lazy'),
  printDate: serviceDay.optional(),
  /** When the campaign's guides stop being available; default: TOKEN_TTL after each upload. In the future, at most 5 years ahead. */
  expiresAt: z.iso.datetime({ offset: true, error: 'expected an ISO date-time such as 2026-09-30T23:59:59Z' }).optional(),
  /** Share of the citizens held out of the guides for the impact evaluation (docs/impact.md); fixed for the campaign's life. */
  holdoutShare: holdoutShare.default(0),
});

export const trigger = z.strictObject({
  event: z.enum(Object.keys(TRIGGER_EVENTS) as [keyof typeof TRIGGER_EVENTS], {
    error: `expected one of ${Object.keys(TRIGGER_EVENTS).join(', ')}`,
  }),
  occurredAt: z.iso.datetime({ offset: true }).optional(),
  envelope: z.record(z.string(), z.unknown(), { error: 'expected the guide envelope as an object' }),
  notify: notifyFlag,
});

export const guideListQuery = z.strictObject({
  campaignId: uuid.optional(),
  status: guideStatus.optional(),
  type: guideType.optional(),
  after: uuid.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const qrQuery = z.strictObject({
  channel: channel.default('qr'),
  size: z.coerce.number().int().min(64, 'at least 64 pixels').max(2048, 'at most 2048 pixels').default(512),
});

export const exportQuery = z.strictObject({
  format: z.enum(['ndjson', 'csv']).default('ndjson'),
  channel: channel.default('qr'),
});
