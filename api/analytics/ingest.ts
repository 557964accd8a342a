import type { Request } from 'express';
import { eventBatch, viewingEvent, type EventBatch } from '../../compositions/common/events';
import { fieldErrors } from '../../compositions/common/validation';
import type { EventRow } from '../../server/analytics/event-store';
import { ApiError } from '../errors';
import { body } from '../validate';
import type { Binding } from './bindings';

export interface Rejection {
  /** Position of the event in the batch (0-based). */
  index: number;
  id: string | null;
  field: string;
  message: string;
}

/**
 * The batch envelope: JSON sent as application/json by fetch, or as text/plain by
 * navigator.sendBeacon with a string body (a beacon cannot set headers without a CORS preflight).
 */
export function parseBatch(req: Request): EventBatch {
  if (req.body === undefined || !req.is(['application/json', 'text/plain'])) {
    throw new ApiError(415, 'unsupported_media_type', 'expected Content-Type: application/json (or text/plain from sendBeacon)', '(body)');
  }
  return body(eventBatch, req.body, 'invalid_batch');
}

const idOf = (e: unknown): string | null => {
  const id = e && typeof e === 'object' ? (e as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id.length <= 64 ? id : null;
};

/**
 * Each event validated on its own (one malformed event never costs the rest of its batch) and bound
 * to the guide and channel of the token the batch came with: the body cannot choose a guide, and
 * neither the token nor anything about the citizen is stored with the event.
 */
export function bindEvents(b: Binding, events: readonly unknown[]): { rows: EventRow[]; rejected: Rejection[] } {
  const rows: EventRow[] = [];
  const rejected: Rejection[] = [];
  events.forEach((raw, index) => {
    const r = viewingEvent.safeParse(raw);
    if (!r.success) {
      const first = fieldErrors(r.error, raw)[0] ?? { field: '(event)', message: 'invalid event' };
      rejected.push({ index, id: idOf(raw), field: first.field, message: first.message });
      return;
    }
    const e = r.data;
    rows.push({
      id: e.id,
      guideId: b.guideId,
      guideType: b.guideType,
      campaignId: b.campaignId,
      channel: b.channel,
      province: b.province,
      viewId: e.viewId,
      kind: e.kind,
      occurredAt: e.at,
      frame: e.frame ?? null,
      sceneId: e.sceneId ?? null,
      actionId: e.actionId ?? null,
      value: e.value ?? null,
    });
  });
  return { rows, rejected };
}
