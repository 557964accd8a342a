import express, { Router } from 'express';
import { z } from 'zod';
import type { createdGuide, guideDetail, guideList, GuideSummaryAnswer, reissuedLink } from '../../contract/guides';
import { deleteGuide, getGuide, listGuides, type GuideRow, type GuideSummary } from '../../server/db/guides';
import { reissueToken, revokeToken } from '../../server/db/tokens';
import { linkOf } from '../../server/db/token-derivation';
import type { AppContext } from '../deps';
import { ApiError, invalid, notFound } from '../errors';
import { createGuide } from '../../server/guides/create-guide';
import { linksOfGuide } from '../../server/guides/links';
import { checkEnvelope } from '../../server/guides/prepare';
import { requireRole } from '../middleware/api-key';
import { channel, guideListQuery, notifyFlag, uuid } from '../schemas';
import { body, param, query } from '../validate';

export const JSON_LIMIT = '1mb';

export function requireJsonObject(input: unknown, contentTypeOk: boolean): Record<string, unknown> {
  if (!contentTypeOk) throw new ApiError(415, 'unsupported_media_type', 'expected Content-Type: application/json', '(body)');
  if (input === null || typeof input !== 'object' || Array.isArray(input))
    throw invalid('invalid_envelope', [{ field: '(root)', message: 'expected a JSON object' }]);
  return input as Record<string, unknown>;
}

export const summary = (g: GuideSummary): GuideSummaryAnswer => ({
  id: g.id,
  type: g.type,
  typeVersion: g.type_version,
  locale: g.locale,
  status: g.status,
  statusReason: g.status_reason,
  campaignId: g.campaign_id,
  externalRef: g.external_ref,
  notify: g.notify,
  heldOut: g.held_out,
  createdAt: g.created_at.toISOString(),
  expiresAt: g.expires_at.toISOString(),
  renderedAt: g.rendered_at?.toISOString() ?? null,
});

export async function guideOr404(ctx: AppContext, id: unknown): Promise<GuideRow> {
  const row = await getGuide(ctx.db, param(uuid, id, 'id'));
  if (!row) throw notFound();
  return row;
}

/** Operators: create one guide, list, read status and links, revoke and re-issue links, delete. */
export function guideRoutes(ctx: AppContext): Router {
  const r = Router();
  const operator = requireRole(ctx, ['operator']);

  r.post('/api/guides', operator, express.json({ limit: JSON_LIMIT }), async (req, res) => {
    const { notify, ...envelope } = requireJsonObject(req.body, Boolean(req.is('application/json')));
    const notifyValue = body(z.object({ notify: notifyFlag }), { notify }, 'invalid_envelope').notify;
    const checked = checkEnvelope(envelope);
    if (!checked.ok) throw invalid('invalid_envelope', checked.errors);
    const g = await createGuide(ctx, checked.envelope, { notify: notifyValue ?? true });
    if (g.created) ctx.metrics.guidesCreated.inc({ source: 'single' });
    res.status(g.created ? 201 : 200).json({ id: g.id, status: g.status, links: g.links, heldOut: g.heldOut } satisfies z.infer<typeof createdGuide>);
  });

  r.get('/api/guides', operator, async (req, res) => {
    const f = query(guideListQuery, req.query);
    const rows = await listGuides(ctx.db, f);
    res.json({ guides: rows.map(summary), next: rows.length === f.limit ? rows[rows.length - 1]!.id : null } satisfies z.infer<typeof guideList>);
  });

  r.get('/api/guides/:id', operator, async (req, res) => {
    const row = await guideOr404(ctx, req.params.id);
    res.json({
      ...summary(row),
      links: await linksOfGuide(ctx.db, ctx.secrets.tokenSecret, ctx.config.publicBaseUrl, row.id),
    } satisfies z.infer<typeof guideDetail>);
  });

  r.delete('/api/guides/:id', operator, async (req, res) => {
    const id = param(uuid, req.params.id, 'id');
    if (!(await deleteGuide(ctx.db, id))) throw notFound();
    // Row first: a crash before the objects go leaves orphans the purge's sweep removes.
    await ctx.media.remove(id);
    res.status(204).end();
  });

  r.post('/api/guides/:id/tokens/:channel', operator, async (req, res) => {
    const row = await guideOr404(ctx, req.params.id);
    const ch = param(channel, req.params.channel, 'channel');
    // The impact evaluation needs its held-out citizens to stay without the guide (docs/impact.md).
    if (row.held_out) throw new ApiError(409, 'held_out', 'this guide is held out of the impact evaluation: it has no links and none can be issued', 'id');
    const token = await ctx.db.transaction((tx) => reissueToken(tx, ctx.secrets.tokenSecret, row.id, ch, row.expires_at));
    res.status(201).json({ channel: ch, link: linkOf(ctx.config.publicBaseUrl, token) } satisfies z.infer<typeof reissuedLink>);
  });

  r.delete('/api/guides/:id/tokens/:channel', operator, async (req, res) => {
    const id = param(uuid, req.params.id, 'id');
    const ch = param(channel, req.params.channel, 'channel');
    if (!(await revokeToken(ctx.db, id, ch))) throw notFound();
    res.status(204).end();
  });
  return r;
}
