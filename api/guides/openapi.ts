import { z } from 'zod';
import { envelopeSchema } from '../../compositions/guide-types';
import { campaign, campaignDetail, campaignList } from '../../contract/campaigns';
import { createdGuide, guideDetail, guideList, reissuedLink, triggeredGuide } from '../../contract/guides';
import { campaignUploadReport } from '../../contract/reports';
import * as s from '../schemas';
import { jsonBody, json, keyed, streamedBody, type PathFn } from '../openapi/responses';

const idParam = z.object({ id: s.uuid });
const operator = keyed('operator');
const notUuid = { 400: 'id is not a UUID' };

/** The operators' routes: guides, their links and QR codes, campaigns, uploads, exports, triggers. */
export function registerGuidePaths(path: PathFn): void {
  const op = [{ apiKey: [] }];
  const byId = { security: op, request: { params: idParam } };
  const envelope = envelopeSchema.meta({ id: 'Envelope', description: 'Guide data envelope; add "notify": false to skip notifications' });

  path('post', '/api/guides', 'Create one guide (operator)', {
    security: op,
    request: { body: { content: { 'application/json': { schema: envelope } } } },
    responses: { 201: json(createdGuide, 'created'), 200: json(createdGuide, 'this externalRef exists: the existing guide') },
    refuses: [operator, jsonBody('1 MB'), { 422: 'invalid envelope (every problem in details)' }],
  });
  path('get', '/api/guides', 'List guides (operator)', {
    security: op,
    request: { query: s.guideListQuery },
    responses: { 200: json(guideList, 'guides, no personal data') },
    refuses: [operator, { 400: 'invalid filter' }],
  });
  path('get', '/api/guides/{id}', 'Status and links of a guide (operator)', {
    ...byId,
    responses: { 200: json(guideDetail, 'the guide and its links') },
    refuses: [operator, notUuid, { 404: 'no such guide' }],
  });
  path('delete', '/api/guides/{id}', 'Delete a guide, its tokens and video (operator)', {
    ...byId,
    responses: { 204: { description: 'deleted' } },
    refuses: [operator, notUuid, { 404: 'no such guide' }],
  });
  for (const [ext, type] of [
    ['png', 'image/png'],
    ['svg', 'image/svg+xml'],
  ] as const) {
    path('get', `/api/guides/{id}/qr.${ext}`, `QR code ${ext.toUpperCase()} (operator)`, {
      security: op,
      request: { params: idParam, query: s.qrQuery },
      responses: { 200: { description: ext.toUpperCase(), content: { [type]: { schema: z.string() } } } },
      refuses: [operator, { 400: 'id is not a UUID, or an invalid channel or size' }, { 404: 'no such guide, or no link on that channel' }],
    });
  }
  const tokenPath = { params: idParam.extend({ channel: s.channel }) };
  path('post', '/api/guides/{id}/tokens/{channel}', 'Re-issue a channel link (operator)', {
    security: op,
    request: tokenPath,
    responses: { 201: json(reissuedLink, 'new link; the old one answers 404') },
    refuses: [operator, { 400: 'id is not a UUID, or an unknown channel' }, { 404: 'no such guide', 409: 'held out of the impact evaluation: no links' }],
  });
  path('delete', '/api/guides/{id}/tokens/{channel}', 'Revoke a channel link (operator)', {
    security: op,
    request: tokenPath,
    responses: { 204: { description: 'revoked' } },
    refuses: [operator, { 400: 'id is not a UUID, or an unknown channel' }, { 404: 'no such guide, or no link on that channel' }],
  });
  path('post', '/api/campaigns', 'Create a campaign (operator)', {
    security: op,
    request: { body: { content: { 'application/json': { schema: s.newCampaign } } } },
    responses: { 201: json(campaign, 'created') },
    refuses: [operator, jsonBody('1 MB'), { 422: 'invalid campaign' }],
  });
  const reader = keyed('operator', 'analyst');
  path('get', '/api/campaigns', 'List campaigns (operator, analyst)', {
    security: op,
    responses: { 200: json(campaignList, 'campaigns, newest first') },
    refuses: [reader, { 400: 'invalid limit or after' }],
  });
  path('get', '/api/campaigns/{id}', 'A campaign with guide counts per status (operator, analyst)', {
    ...byId,
    responses: { 200: json(campaignDetail, 'campaign with its guides per status') },
    refuses: [reader, notUuid, { 404: 'no such campaign' }],
  });
  path('post', '/api/campaigns/{id}/guides', 'Bulk upload, streamed (operator)', {
    security: op,
    description:
      'NDJSON (application/x-ndjson, one envelope per line) or CSV (text/csv, header of envelope dot paths, JSON in cells for arrays). Idempotent by externalRef; answers a per-row report.',
    request: { params: idParam, body: { content: { 'application/x-ndjson': { schema: z.string() }, 'text/csv': { schema: z.string() } } } },
    responses: { 200: json(campaignUploadReport, 'per-row report: rows, created, existing, rejected, errors [{line, field, message}]') },
    refuses: [
      operator,
      notUuid,
      streamedBody,
      { 404: 'no such campaign', 422: 'the CSV is empty, or its header lacks a required column, names one twice or an unknown one' },
      { 503: 'interrupted: upload the same file again (stored rows are skipped)' },
    ],
  });
  path('get', '/api/campaigns/{id}/export', 'Print-shop export: externalRef, link, QR SVG per guide (operator)', {
    security: op,
    request: { params: idParam, query: s.exportQuery },
    responses: { 200: { description: 'NDJSON or CSV stream' } },
    refuses: [operator, { 400: 'id is not a UUID, or an invalid format or channel', 404: 'no such campaign' }],
  });
  path('post', '/api/triggers', 'Upstream event creating one guide (operator)', {
    security: op,
    request: { body: { content: { 'application/json': { schema: s.trigger } } } },
    responses: { 201: json(triggeredGuide, 'created'), 200: json(triggeredGuide, 'this externalRef exists: the existing guide') },
    refuses: [operator, jsonBody('1 MB'), { 422: 'invalid trigger, or an envelope its event does not call for' }],
  });
}
