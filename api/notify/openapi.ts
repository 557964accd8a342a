import { z } from 'zod';
import { citizenHistory } from '../../contract/notification-history';
import { notificationStatsAnswer } from '../../contract/notification-stats';
import { consentSyncReport, receiptsReport } from '../../contract/reports';
import { myConsentsAnswer } from '../../contract/reserved-area';
import { SIGNATURE_HEADER } from '../../server/notify/signature';
import { citizenJwt, json, jsonBody, keyed, streamedBody, type PathFn } from '../openapi/responses';
import { consentLine, historyRequest, myConsents } from './contacts';
import { statsQuery } from './console-routes';
import { receiptBody } from './receipts';

/** Issue #10's routes in the OpenAPI document, from the schemas that validate them (docs/notifications.md). */
export function registerNotificationPaths(path: PathFn): void {
  const citizen = [{ citizenJwt: [] }];
  const key = [{ apiKey: [] }];
  const consents = myConsents.meta({ id: 'MyConsents', description: 'a contact left out keeps its value; null removes it' });
  path('get', '/api/me/consents', "The reserved-area citizen's consents and their history (JWT)", {
    security: citizen,
    responses: { 200: json(myConsentsAnswer, 'proactive, email, mobile, pec, app, channels, history') },
    refuses: [citizenJwt],
  });
  path('put', '/api/me/consents', "Change the citizen's own opt-in and contacts (JWT); appended to the history", {
    security: citizen,
    request: { body: { content: { 'application/json': { schema: consents } } } },
    responses: { 200: json(myConsentsAnswer, 'the consents after the change') },
    refuses: [citizenJwt, jsonBody('16 KB'), { 422: 'invalid email, mobile (Italian mobiles or +international) or PEC address' }],
  });
  path('put', '/api/consents', 'Bulk consent sync from upstream systems (operator), NDJSON streamed', {
    security: key,
    description: `One line per citizen: ${JSON.stringify(Object.keys(consentLine.shape))}. The fiscal code only in the body. Bad lines are reported by line, field and reason (never the value); the others are applied.`,
    request: { body: { content: { 'application/x-ndjson': { schema: z.string() } } } },
    responses: { 200: json(consentSyncReport, 'per-line report') },
    refuses: [keyed('operator'), streamedBody],
  });
  path('post', '/api/notifications/receipts', 'Delivery receipts from the gateways (signed)', {
    description: `Authenticated by the ${SIGNATURE_HEADER} header: t=<unix seconds>,v1=<hex HMAC-SHA256(NOTIFY_WEBHOOK_SECRET, "<t>.<raw body>")>, within 5 minutes, each signature once.`,
    request: { body: { content: { 'application/json': { schema: receiptBody } } } },
    responses: { 200: json(receiptsReport, 'received, applied, ignored') },
    refuses: [
      jsonBody('1 MB'),
      {
        401: 'missing, wrong, stale or replayed signature: nothing changed',
        422: 'invalid receipt, or an `at` outside the accepted window',
        503: 'receipts not configured (no NOTIFY_WEBHOOK_SECRET), or Redis did not answer the replay check',
      },
    ],
  });
  path(
    'get',
    '/api/notifications/stats',
    'Monitoring console: per campaign and channel, sent / delivered / bounced / opened / feedback and send dates (analyst, operator)',
    {
      security: key,
      request: { query: statsQuery },
      responses: { 200: json(notificationStatsAnswer, 'campaigns with per-channel figures') },
      refuses: [keyed('analyst', 'operator'), { 400: 'invalid filter' }],
    },
  );
  path('post', '/api/notifications/history', "One citizen's notifications and consent history (operator; fiscal code in the body, audited)", {
    security: key,
    request: { body: { content: { 'application/json': { schema: historyRequest } } } },
    responses: { 200: json(citizenHistory, 'history, contacts masked') },
    refuses: [keyed('operator'), jsonBody('4 KB'), { 422: 'invalid fiscal code' }],
  });
  path('get', '/console', 'The notifications monitoring console (HTML; the key is typed in the page)', {
    responses: { 200: { description: 'HTML' }, 503: { description: 'console not built (an HTML page)' } },
  });
}
