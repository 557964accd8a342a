import type { Request } from 'express';
import type { EventsReport } from '../../contract/reports';
import { eventBatch, viewingEvent, type EventBatch } from '../../compositions/common/events';
import { fieldErrors } from '../../compositions/common/validation';
import type { EventRow } from '../../server/analytics/event-store';
import { ApiError, invalid } from '../errors';
import { body } from '../validate';
import type { Binding } from './bindings';

/** One refused event of a batch, as POST /api/events reports it. */
export type Rejection = EventsReport['rejected'][number];

/**
 * The batch envelope: JSON sent as application/json by fetch, or as text/plain by
 * navigator.sendBeacon with a string body (a beacon cannot set headers without a CORS preflight).
 */
export function parseBatch(req: Request): EventBatch {
  if (req.body === undefined || !req.is(['application/json', 'text/plain'])) {
    throw new ApiError(415, 'unsupported_media_type', 'expected Content-Type: application/json (or text/plain from sendBeacon)', '(body)');
  }
  // The events are checked one by one in bindEvents (their schema admits no NUL or lone surrogate).
  return body(eventBatch, req.body, 'invalid_batch', { text: false });
}

const idOf = (e: unknown): string | null => {
  const id = e && typeof e === 'object' ? (e as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id.length <= 64 ? id : null;
};

/** The window an event's `at` must fall in, around the server's clock (config.events). */
export interface EventClock {
  now: number;
  maxAgeSeconds: number;
  maxAheadSeconds: number;
}

const span = (seconds: number) =>
  seconds % 86_400 === 0 ? `${seconds / 86_400} day${seconds === 86_400 ? '' : 's'}` : seconds % 3600 === 0 ? `${seconds / 3600} h` : `${seconds} s`;

/**
 * `at` is the client's clock: only a plausibility check and a record. It must lie within the window
 * (so PostgreSQL can store it and a clock set to year 0 or 9999 is refused), and it is stored
 * normalised to UTC by us, so no offset or precision the database would refuse reaches it. The
 * "latest" rating caps it at the server's received_at (migration 040), so it never outranks the server.
 */
function atProblem(at: string, clock: EventClock): { iso: string } | { message: string } {
  const t = Date.parse(at);
  const from = clock.now - clock.maxAgeSeconds * 1000;
  const to = clock.now + clock.maxAheadSeconds * 1000;
  if (Number.isFinite(t) && t >= from && t <= to) return { iso: new Date(t).toISOString() };
  const got = JSON.stringify(at);
  return {
    message:
      `expected a date-time from ${new Date(from).toISOString()} to ${new Date(to).toISOString()} ` +
      `(at most ${span(clock.maxAgeSeconds)} before and ${span(clock.maxAheadSeconds)} after the server's clock), got ${got.length > 40 ? `${got.slice(0, 37)}...` : got}`,
  };
}

/**
 * Each event validated on its own (one malformed event never costs the rest of its batch) and bound
 * to the guide and channel of the token the batch came with: the body cannot choose a guide, and
 * neither the token nor anything about the citizen is stored with the event.
 */
export interface BoundBatch {
  rows: EventRow[];
  /** The batch index of each row (rows[i] is events[positions[i]]). */
  positions: number[];
  rejected: Rejection[];
}

export function bindEvents(b: Binding, events: readonly unknown[], clock: EventClock): BoundBatch {
  const rows: EventRow[] = [];
  const positions: number[] = [];
  const rejected: Rejection[] = [];
  events.forEach((raw, index) => {
    const r = viewingEvent.safeParse(raw);
    if (!r.success) {
      const first = fieldErrors(r.error, raw)[0] ?? { field: '(event)', message: 'invalid event' };
      rejected.push({ index, id: idOf(raw), field: first.field, message: first.message });
      return;
    }
    const e = r.data;
    const at = atProblem(e.at, clock);
    if ('message' in at) {
      rejected.push({ index, id: e.id, field: 'at', message: at.message });
      return;
    }
    positions.push(index);
    rows.push({
      id: e.id,
      guideId: b.guideId,
      guideType: b.guideType,
      campaignId: b.campaignId,
      channel: b.channel,
      province: b.province,
      viewId: e.viewId,
      kind: e.kind,
      occurredAt: at.iso,
      frame: e.frame ?? null,
      sceneId: e.sceneId ?? null,
      actionId: e.actionId ?? null,
      value: e.value ?? null,
    });
  });
  return { rows, positions, rejected };
}

/** A batch none of whose events could be accepted is refused as a whole: 422 naming each event's field. */
export function refuseIfNothingAccepted(rows: readonly EventRow[], rejected: readonly Rejection[]): void {
  if (rows.length > 0 || rejected.length === 0) return;
  throw invalid(
    'invalid_events',
    rejected.map((r) => ({ field: r.field === '(root)' ? `events.${r.index}` : `events.${r.index}.${r.field}`, message: r.message })),
  );
}
