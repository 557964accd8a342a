import { randomUUID } from 'node:crypto';
import type { CampaignAnswer, campaignDetail, campaignList } from '../../contract/campaigns';
import express, { Router } from 'express';
import { campaignCounts, getCampaign, insertCampaign, listCampaigns, type CampaignRow } from '../../server/db/campaigns';
import type { AppContext } from '../deps';
import { ApiError, notFound } from '../errors';
import { requireRole } from '../middleware/api-key';
import { MAX_CAMPAIGN_EXPIRY_YEARS, newCampaign, uuid } from '../schemas';
import { body, param, query } from '../validate';
import { z } from 'zod';
import { JSON_LIMIT, requireJsonObject } from '../guides/routes';

export const campaignJson = (c: CampaignRow): CampaignAnswer => ({
  id: c.id,
  guideType: c.guide_type,
  name: c.name,
  channels: c.channels,
  renderPolicy: c.render_policy,
  printDate: c.print_date,
  expiresAt: c.expires_at?.toISOString() ?? null,
  holdoutShare: c.holdout_share,
  createdAt: c.created_at.toISOString(),
});

export async function campaignOr404(ctx: AppContext, id: unknown): Promise<CampaignRow> {
  const row = await getCampaign(ctx.db, param(uuid, id, 'id'));
  if (!row) throw notFound();
  return row;
}

const listQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(50), after: uuid.optional() });

/** Campaigns: operators create them; operators and analysts read them (no personal data inside). */
export function campaignRoutes(ctx: AppContext): Router {
  const r = Router();
  const operator = requireRole(ctx, ['operator']);
  const reader = requireRole(ctx, ['operator', 'analyst']);

  r.post('/api/campaigns', operator, express.json({ limit: JSON_LIMIT }), async (req, res) => {
    const input = body(newCampaign, requireJsonObject(req.body, Boolean(req.is('application/json'))), 'invalid_campaign');
    const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
    if (expiresAt && expiresAt.getTime() <= Date.now()) throw new ApiError(422, 'invalid_campaign', 'expiresAt: must be in the future', 'expiresAt');
    // Every guide and link of the campaign gets this date: bounded, so it is plausible and storable.
    const latest = new Date();
    latest.setUTCFullYear(latest.getUTCFullYear() + MAX_CAMPAIGN_EXPIRY_YEARS);
    if (expiresAt && expiresAt > latest) {
      throw new ApiError(
        422,
        'invalid_campaign',
        `expiresAt: must be at most ${MAX_CAMPAIGN_EXPIRY_YEARS} years ahead (by ${latest.toISOString()}), got ${JSON.stringify(input.expiresAt)}`,
        'expiresAt',
      );
    }
    const row = await insertCampaign(ctx.db, {
      id: randomUUID(),
      guideType: input.guideType,
      name: input.name,
      channels: [...new Set(input.channels)],
      renderPolicy: input.renderPolicy,
      printDate: input.printDate ?? null,
      expiresAt,
      holdoutShare: input.holdoutShare,
    });
    res.status(201).json(campaignJson(row) satisfies CampaignAnswer);
  });

  r.get('/api/campaigns', reader, async (req, res) => {
    const q = query(listQuery, req.query);
    const rows = await listCampaigns(ctx.db, q.limit, q.after);
    res.json({ campaigns: rows.map(campaignJson), next: rows.length === q.limit ? rows[rows.length - 1]!.id : null } satisfies z.infer<typeof campaignList>);
  });

  r.get('/api/campaigns/:id', reader, async (req, res) => {
    const row = await campaignOr404(ctx, req.params.id);
    res.json({ ...campaignJson(row), guides: await campaignCounts(ctx.db, row.id) } satisfies z.infer<typeof campaignDetail>);
  });
  return r;
}
