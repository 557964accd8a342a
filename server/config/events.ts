import { z } from 'zod';
import { duration, optionalString } from './parse';

const DAY = 86_400;

/** A duration with an upper bound, so a window computed from it stays inside what PostgreSQL stores. */
const boundedDuration = (max: number, what: string) => duration.refine((s) => s <= max, `at most ${max / DAY} days (${what})`);

export const eventsSchema = z.object({
  /** Event batches per minute from one client address (a carrier's NAT puts many citizens behind one). */
  EVENTS_BATCHES_PER_MINUTE_PER_ADDRESS: z.coerce.number().int().positive().default(1200),
  /** Event batches per minute through one token (the player sends one every few seconds at most). */
  EVENTS_BATCHES_PER_MINUTE_PER_TOKEN: z.coerce.number().int().positive().default(60),
  /**
   * Distinct views one batch may carry events of (a page is one view; a phone that kept the events of
   * a few visits offline sends them together). Events of further views are refused, listed by index.
   */
  EVENTS_VIEWS_PER_BATCH: z.coerce.number().int().min(1).max(100).default(5),
  /** Distinct views one link may record per hour (each is a "view" in the statistics). */
  EVENTS_VIEWS_PER_TOKEN_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(20),
  /** Group commit: how long a batch waits for others before the INSERT (ms; 0 = at once). */
  EVENTS_FLUSH_MS: z.coerce.number().int().min(0).max(1000).default(5),
  /** Group commit: a flush starts at once when this many events wait. */
  EVENTS_FLUSH_MAX_EVENTS: z.coerce.number().int().min(1).max(20_000).default(2000),
  /**
   * How old (by the server's clock) an event's `at` may be; unset: TOKEN_TTL, the longest a link
   * lives, so no event older than that can have come through a live link (the player keeps unsent
   * events on the device and sends them at the next visit).
   */
  EVENTS_MAX_AGE: optionalString.pipe(boundedDuration(3650 * DAY, 'ten years').optional()),
  /** How far ahead of the server's clock an event's `at` may be (a phone set to the wrong zone is up to 14 h off). */
  EVENTS_MAX_AHEAD: boundedDuration(7 * DAY, 'a week').default(DAY),
});

export interface IngestSettings {
  perAddressPerMinute: number;
  perTokenPerMinute: number;
  viewsPerBatch: number;
  viewsPerTokenPerHour: number;
  flushMs: number;
  flushMaxEvents: number;
  /** An event's `at` must lie in [server now − maxAgeSeconds, server now + maxAheadSeconds]. */
  maxAgeSeconds: number;
  maxAheadSeconds: number;
}

export function eventsSection(e: z.infer<typeof eventsSchema>, tokenTtlSeconds: number): IngestSettings {
  return {
    perAddressPerMinute: e.EVENTS_BATCHES_PER_MINUTE_PER_ADDRESS,
    perTokenPerMinute: e.EVENTS_BATCHES_PER_MINUTE_PER_TOKEN,
    viewsPerBatch: e.EVENTS_VIEWS_PER_BATCH,
    viewsPerTokenPerHour: e.EVENTS_VIEWS_PER_TOKEN_PER_HOUR,
    flushMs: e.EVENTS_FLUSH_MS,
    flushMaxEvents: e.EVENTS_FLUSH_MAX_EVENTS,
    maxAgeSeconds: e.EVENTS_MAX_AGE ?? Math.min(tokenTtlSeconds, 3650 * DAY),
    maxAheadSeconds: e.EVENTS_MAX_AHEAD,
  };
}
