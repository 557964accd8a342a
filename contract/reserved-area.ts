import { z } from 'zod';
import { GUIDE_TYPES } from '../compositions/common/envelope';
import { guideStatus } from './guide-status';
import { NOTIFY_CHANNELS } from './notification-stats';

/**
 * The reserved area's answers (the citizen signed in, JWT): their guides and their consents. These
 * carry the citizen's own contacts, so they are answered privately (no-store) and only to them.
 */
const isoTime = z.iso.datetime();

export const myGuides = z
  .object({
    guides: z.array(
      z.object({
        type: z.enum(GUIDE_TYPES),
        title: z.string(),
        locale: z.enum(['it', 'en']),
        status: guideStatus,
        createdAt: isoTime,
        expiresAt: isoTime,
        /** The app channel's link; null when the guide has none (held out of the impact evaluation). */
        link: z.url().nullable(),
      }),
    ),
  })
  .meta({ id: 'MyGuides' });
export type MyGuidesAnswer = z.infer<typeof myGuides>;

export const myConsentsAnswer = z
  .object({
    proactive: z.boolean(),
    email: z.string().nullable(),
    mobile: z.string().nullable(),
    pec: z.string().nullable(),
    app: z.boolean(),
    channels: z.array(z.enum(NOTIFY_CHANNELS)),
    updatedAt: isoTime.nullable(),
    history: z.array(
      z.object({
        at: isoTime,
        source: z.string(),
        proactive: z.boolean(),
        email: z.string().nullable(),
        mobile: z.string().nullable(),
        pec: z.string().nullable(),
        app: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'MyConsentsAnswer' });
export type MyConsentsAnswer = z.infer<typeof myConsentsAnswer>;
