import { z } from 'zod';
import { GUIDE_TYPES } from '../compositions/common/envelope';
import { channel, links } from './channels';
import { GUIDE_STATUSES, guideStatus } from './guide-status';

/** The operator's answers about guides (api/guides/routes.ts): no personal data, only ids and links. */
const uuid = z.uuid();
const isoTime = z.iso.datetime();

export const guideSummary = z
  .object({
    id: uuid,
    type: z.enum(GUIDE_TYPES),
    typeVersion: z.string(),
    locale: z.enum(['it', 'en']),
    status: guideStatus,
    statusReason: z.string().nullable(),
    campaignId: uuid.nullable(),
    externalRef: z.string(),
    notify: z.boolean(),
    heldOut: z.boolean(),
    createdAt: isoTime,
    expiresAt: isoTime,
    renderedAt: isoTime.nullable(),
  })
  .meta({ id: 'GuideSummary' });
export type GuideSummaryAnswer = z.infer<typeof guideSummary>;

export const guideList = z
  .object({ guides: z.array(guideSummary), next: uuid.nullable().meta({ description: 'pass as after= for the next page; null on the last' }) })
  .meta({ id: 'GuideList' });

export const guideDetail = guideSummary.extend({ links }).meta({ id: 'GuideDetail' });

/** POST /api/guides: 201 created, 200 when the externalRef exists (the existing guide). */
export const createdGuide = z
  .object({
    id: uuid,
    status: guideStatus,
    links,
    heldOut: z
      .boolean()
      .meta({ description: 'held out of the impact evaluation (docs/impact.md): no links, no notification; send the ordinary communication' }),
  })
  .meta({ id: 'CreatedGuide' });

/** An upstream event and the guide type it calls for (POST /api/triggers). */
export const TRIGGER_EVENTS = {
  'naspi.accepted': 'naspi',
  'pension.first-payment': 'pensione',
  'red.reminder': 'red',
  'auu.blocked': 'auu',
  'invalidity.verdict': 'invalidita',
} as const;
export type TriggerEvent = keyof typeof TRIGGER_EVENTS;

export const triggeredGuide = createdGuide
  .extend({ event: z.enum(Object.keys(TRIGGER_EVENTS) as [TriggerEvent, ...TriggerEvent[]]) })
  .meta({ id: 'TriggeredGuide' });

export const reissuedLink = z.object({ channel, link: z.url() }).meta({ id: 'ReissuedLink' });

/** A campaign's guides by status, with the total and how many are held out of it (docs/impact.md). */
export const guideCounts = z.object({
  ...Object.fromEntries(GUIDE_STATUSES.map((s) => [s, z.number().int().min(0)])),
  total: z.number().int().min(0),
  heldOut: z.number().int().min(0),
}) as z.ZodObject<Record<(typeof GUIDE_STATUSES)[number] | 'total' | 'heldOut', z.ZodNumber>>;
