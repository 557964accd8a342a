import { json, keyed, streamedBody, type PathFn } from '../openapi/responses';
import { impactAnswer, impactQuery, outcomeLine, outcomeReport } from './schemas';

/** Issue #17's routes in the OpenAPI document, from the schemas that validate them (docs/impact.md). */
export function registerImpactPaths(path: PathFn): void {
  const key = [{ apiKey: [] }];
  path('post', '/api/outcomes', 'Outcomes reported by the institute, NDJSON streamed (operator)', {
    security: key,
    description:
      'One OutcomeLine per line: a contact-center call, a branch visit, an online service used (with its service id) or a deadline met, each with its day, keyed by campaignId + externalRef. Idempotent per outcomeId. Bad lines are refused with line, field and reason; the others are stored. No personal data beyond the external reference: any other field is refused.',
    request: { body: { content: { 'application/x-ndjson': { schema: outcomeLine } } } },
    responses: { 200: json(outcomeReport, 'per-line report') },
    refuses: [keyed('operator'), streamedBody, { 503: 'interrupted: send the same file again' }],
  });
  path(
    'get',
    '/api/impact',
    'Impact of a campaign (or of the guides of a type created one at a time): rates, differences and 95% intervals, treated vs holdout (analyst)',
    {
      security: key,
      description: 'Every figure is defined in docs/metrics.md ("Impact"); the statistical method in docs/impact.md.',
      request: { query: impactQuery },
      responses: { 200: json(impactAnswer, 'the figures, with a sentence in Italian and English per figure') },
      refuses: [keyed('analyst'), { 400: 'invalid query', 404: 'no such campaign' }],
    },
  );
}
