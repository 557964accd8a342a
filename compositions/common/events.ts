import { z } from 'zod';

/**
 * Viewing events: the contract between the player (which sends them) and the API (which stores and
 * counts them). No personal data: the guide is identified by the access token the page was opened
 * with (sent in the body, never in a URL), a view by a random id, an event by a random id.
 */
export const EVENT_KINDS = [
  'view_start',
  'play',
  'pause',
  'seek',
  'progress',
  'complete',
  'action_click',
  'popup_open',
  'popup_close',
  'chapter_jump',
  'captions_toggle',
  'rating',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const MAX_EVENTS_PER_BATCH = 100;

const uuid = z.uuid({ error: 'expected a UUID' });
const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'expected a scene or action id');

export const viewingEvent = z
  .strictObject({
    /** Client-generated: a retried batch carries the same ids and is counted once. */
    id: uuid,
    /** One per opening of the page (a "view"); a replay inside the same page is the same view. */
    viewId: uuid,
    kind: z.enum(EVENT_KINDS, { error: `expected one of ${EVENT_KINDS.join(', ')}` }),
    /** Client clock, ISO 8601. */
    at: z.iso.datetime({ offset: true, error: 'expected an ISO 8601 date-time' }),
    /** Position in the guide (frame at 30 fps) when it happened; for seek, the target. */
    frame: z
      .number()
      .int()
      .min(0)
      .max(30 * 60 * 30)
      .optional(),
    sceneId: id.optional(),
    actionId: id.optional(),
    /**
     * rating: 1–5; progress: percent watched 0–100 (sent at each 5%); captions_toggle: 1 on, 0 off;
     * seek: the frame it came from.
     */
    value: z
      .number()
      .int()
      .min(0)
      .max(30 * 60 * 30)
      .optional(),
  })
  .superRefine((e, ctx) => {
    if (e.kind === 'rating' && (e.value === undefined || e.value < 1 || e.value > 5))
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'a rating is a whole number from 1 to 5' });
    if (e.kind === 'progress' && (e.value === undefined || e.value > 100))
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'progress is a percentage from 0 to 100' });
    if ((e.kind === 'action_click' || e.kind === 'popup_open' || e.kind === 'popup_close') && !e.actionId)
      ctx.addIssue({ code: 'custom', path: ['actionId'], message: `${e.kind} needs the action's id` });
    if (e.kind === 'chapter_jump' && !e.sceneId) ctx.addIssue({ code: 'custom', path: ['sceneId'], message: 'chapter_jump needs the scene id of the chapter' });
  });
export type ViewingEvent = z.infer<typeof viewingEvent>;

/**
 * What the player POSTs to /api/events (also with navigator.sendBeacon). Events are validated one
 * by one on the server, so one malformed event never loses the rest of its batch.
 */
export const eventBatch = z.strictObject({
  token: z.string().min(16).max(128),
  events: z.array(z.unknown()).min(1, 'expected at least one event').max(MAX_EVENTS_PER_BATCH, `at most ${MAX_EVENTS_PER_BATCH} events per batch`),
});
export type EventBatch = z.infer<typeof eventBatch>;
