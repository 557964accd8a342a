import type { RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { notificationStatsAnswer } from '../../contract/notification-stats';
import { myConsentsAnswer } from '../../contract/reserved-area';
import { SIGNATURE_HEADER } from '../../server/notify/signature';
import { consentLine, historyRequest, myConsents } from './contacts';
import { statsQuery } from './console-routes';
import { receiptBody } from './receipts';

type PathFn = (method: RouteConfig['method'], p: string, summary: string, rest: Partial<RouteConfig>) => void;
type JsonFn = (schema: z.ZodType, description: string) => NonNullable<RouteConfig['responses']>[string];

/** Issue #10's routes in the OpenAPI document, from the schemas that validate them (docs/notifications.md). */
export function registerNotificationPaths(path: PathFn, json: JsonFn, error: (description: string) => NonNullable<RouteConfig['responses']>[string]): void {
  const citizen = [{ citizenJwt: [] }];
  const key = [{ apiKey: [] }];
  const consents = myConsents.meta({ id: 'MyConsents', description: 'a contact left out keeps its value; null removes it' });
  path('get', '/api/me/consents', "The reserved-area citizen's consents and their history (JWT)", {
    security: citizen,
    responses: { 200: json(myConsentsAnswer, 'proactive, email, mobile, pec, app, channels, history'), 401: error('invalid token') },
  });
  path('put', '/api/me/consents', "Change the citizen's own opt-in and contacts (JWT); appended to the history", {
    security: citizen,
    request: { body: { content: { 'application/json': { schema: consents } } } },
    responses: {
      200: json(myConsentsAnswer, 'the consents after the change'),
      401: error('invalid token'),
      422: error('invalid email, mobile (Italian mobiles or +international) or PEC address'),
    },
  });
  path('put', '/api/consents', 'Bulk consent sync from upstream systems (operator), NDJSON streamed', {
    security: key,
    description: `One line per citizen: ${JSON.stringify(Object.keys(consentLine.shape))}. The fiscal code only in the body. Answers {rows, updated, unchanged, rejected, errors: [{line, field, message}]}.`,
    request: { body: { content: { 'application/x-ndjson': { schema: z.string() } } } },
    responses: { 200: { description: 'per-line report' }, 415: error('not NDJSON') },
  });
  path('post', '/api/notifications/receipts', 'Delivery receipts from the gateways (signed)', {
    description: `Authenticated by the ${SIGNATURE_HEADER} header: t=<unix seconds>,v1=<hex HMAC-SHA256(NOTIFY_WEBHOOK_SECRET, "<t>.<raw body>")>, within 5 minutes, each signature once.`,
    request: { body: { content: { 'application/json': { schema: receiptBody } } } },
    responses: {
      200: { description: '{received, applied, ignored}' },
      401: error('missing, wrong, stale or replayed signature: nothing changed'),
      422: error('invalid receipt'),
    },
  });
  path(
    'get',
    '/api/notifications/stats',
    'Monitoring console: per campaign and channel, sent / delivered / bounced / opened / feedback and send dates (analyst, operator)',
    {
      security: key,
      request: { query: statsQuery },
      responses: { 200: json(notificationStatsAnswer, 'campaigns with per-channel figures'), 400: error('invalid filter') },
    },
  );
  path('post', '/api/notifications/history', "One citizen's notifications and consent history (operator; fiscal code in the body, audited)", {
    security: key,
    request: { body: { content: { 'application/json': { schema: historyRequest } } } },
    responses: {
      200: json(z.object({ consent: z.unknown(), consentHistory: z.array(z.unknown()), notifications: z.array(z.unknown()) }), 'history, contacts masked'),
      403: error('not an operator key'),
      422: error('invalid fiscal code'),
    },
  });
  path('get', '/console', 'The notifications monitoring console (HTML; the key is typed in the page)', {
    responses: { 200: { description: 'HTML' }, 503: { description: 'console not built' } },
  });
}
