import { z } from 'zod';
import { GUIDE_TYPES } from '../compositions/common/envelope';
import { NOTIFY_CHANNELS } from './notification-stats';

/**
 * POST /api/notifications/history (the notifications console, seed 001): one citizen's consents and
 * every notification sent (or not) to them, for an operator at the counter. Contacts are masked
 * (n***@example.it, 333 *** 4567): the operator sees that one existed and which, not the address.
 */
export const NOTIFICATION_STATUSES = ['queued', 'sending', 'sent', 'delivered', 'bounced', 'failed', 'skipped'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

export const CONSENT_SOURCES = ['citizen', 'upstream', 'operator'] as const;
export type ConsentSource = (typeof CONSENT_SOURCES)[number];

const isoTime = z.iso.datetime();
const channels = z.array(z.enum(NOTIFY_CHANNELS));
const masked = z.string().nullable();

export const citizenHistory = z
  .object({
    consent: z
      .object({ proactive: z.boolean(), channels, email: masked, mobile: masked, pec: masked, app: z.boolean(), updatedAt: isoTime })
      .nullable()
      .meta({ description: 'null: the registry holds no consent for this citizen' }),
    consentHistory: z.array(
      z.object({
        id: z.number().int(),
        at: isoTime,
        source: z.enum(CONSENT_SOURCES),
        actor: z.string().meta({ description: 'who changed it: self, or the role and label of the API key' }),
        proactive: z.boolean(),
        channels,
      }),
    ),
    notifications: z.array(
      z.object({
        id: z.uuid(),
        guideId: z.uuid(),
        guideType: z.enum(GUIDE_TYPES),
        campaignId: z.uuid().nullable(),
        channel: z.enum(NOTIFY_CHANNELS),
        status: z.enum(NOTIFICATION_STATUSES),
        reason: z.string().nullable().meta({ description: "why it was not sent, or the provider's words (addresses cut out)" }),
        attempts: z.number().int().min(0),
        consentHistoryId: z.number().int().nullable().meta({ description: 'the consent it was sent under' }),
        createdAt: isoTime,
        sentAt: isoTime.nullable(),
        finalAt: isoTime.nullable(),
        openedAt: isoTime.nullable(),
      }),
    ),
  })
  .meta({ id: 'CitizenHistory' });
export type CitizenHistory = z.infer<typeof citizenHistory>;
