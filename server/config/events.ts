import { z } from 'zod';

export const eventsSchema = z.object({
  /** Event batches per minute from one client address (a carrier's NAT puts many citizens behind one). */
  EVENTS_BATCHES_PER_MINUTE_PER_ADDRESS: z.coerce.number().int().positive().default(1200),
  /** Event batches per minute through one token (the player sends one every few seconds at most). */
  EVENTS_BATCHES_PER_MINUTE_PER_TOKEN: z.coerce.number().int().positive().default(60),
  /** Group commit: how long a batch waits for others before the INSERT (ms; 0 = at once). */
  EVENTS_FLUSH_MS: z.coerce.number().int().min(0).max(1000).default(5),
  /** Group commit: a flush starts at once when this many events wait. */
  EVENTS_FLUSH_MAX_EVENTS: z.coerce.number().int().min(1).max(20_000).default(2000),
});

export interface IngestSettings {
  perAddressPerMinute: number;
  perTokenPerMinute: number;
  flushMs: number;
  flushMaxEvents: number;
}

export function eventsSection(e: z.infer<typeof eventsSchema>): IngestSettings {
  return {
    perAddressPerMinute: e.EVENTS_BATCHES_PER_MINUTE_PER_ADDRESS,
    perTokenPerMinute: e.EVENTS_BATCHES_PER_MINUTE_PER_TOKEN,
    flushMs: e.EVENTS_FLUSH_MS,
    flushMaxEvents: e.EVENTS_FLUSH_MAX_EVENTS,
  };
}
