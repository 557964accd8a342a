import express, { Router } from 'express';
import { z } from 'zod';
import { province } from '../../compositions/common/primitives';
import type { CitizenHistory } from '../../contract/notification-history';
import type { CampaignNotificationStats, ChannelFiguresAnswer, NotificationStatsAnswer } from '../../contract/notification-stats';
import { fiscalCodeHmac } from '../../server/fiscal-code-hmac';
import type { ChannelFigures } from '../../server/notify/stats';
import { notificationStats } from '../../server/notify/stats';
import { consentedChannels, consentHistory, getConsent } from '../../server/notify/consents';
import { auditLookup, notificationsOfCitizen } from '../../server/notify/history';
import type { AppContext } from '../deps';
import { requireRole } from '../middleware/api-key';
import { requireJsonObject } from '../guides/routes';
import { serviceDay, uuid } from '../schemas';
import { body, query } from '../validate';
import { historyRequest } from './contacts';
import { actorOf } from './identity';

export const statsQuery = z.strictObject({
  from: serviceDay.optional(),
  to: serviceDay.optional(),
  province: province.optional(),
  campaignId: uuid.optional(),
});

const iso = (d: Date | null) => d?.toISOString() ?? null;
const figuresJson = (f: ChannelFigures): ChannelFiguresAnswer => ({ ...f, firstSentAt: iso(f.firstSentAt), lastSentAt: iso(f.lastSentAt) });

/** Operators see that a contact existed and which one, not the whole address. */
function mask(value: string | null): string | null {
  if (!value) return null;
  const at = value.lastIndexOf('@');
  if (at > 0) return `${value[0]}***${value.slice(at)}`;
  return `${value.slice(0, 3)} *** ${value.slice(-4)}`;
}

/**
 * The monitoring console's data (seed 003): per campaign and channel, sent / delivered / bounced /
 * opened / feedback and the send dates, filtered by province and period (analysts and operators);
 * and one citizen's history for an operator, looked up by a fiscal code sent in the body, audited.
 */
export function consoleRoutes(ctx: AppContext): Router {
  const r = Router();
  const readers = requireRole(ctx, ['analyst', 'operator']);
  const operator = requireRole(ctx, ['operator']);

  r.get('/api/notifications/stats', readers, async (req, res) => {
    const f = query(statsQuery, req.query);
    const stats = await notificationStats(ctx.db, f);
    const ids = [...stats.keys()].filter(Boolean);
    const campaigns = await ctx.db.query<{ id: string; name: string; guide_type: string; channels: string[]; created_at: Date }>(
      'SELECT id, name, guide_type, channels, created_at FROM campaigns WHERE id = ANY($1::uuid[])',
      [ids],
    );
    const byId = new Map(campaigns.map((c) => [c.id, c]));
    const list = [...stats.entries()].map(([key, byChannel]): CampaignNotificationStats => {
      const c = byId.get(key);
      const channels = Object.fromEntries([...byChannel.entries()].map(([ch, fig]) => [ch, figuresJson(fig)]));
      const sentTimes = [...byChannel.values()].flatMap((x) => (x.lastSentAt ? [x.lastSentAt.getTime()] : []));
      return {
        campaignId: key || null,
        name: c?.name ?? null,
        guideType: (c?.guide_type as CampaignNotificationStats['guideType'] | undefined) ?? null,
        campaignChannels: c?.channels ?? null,
        createdAt: iso(c?.created_at ?? null),
        lastSentAt: sentTimes.length ? new Date(Math.max(...sentTimes)).toISOString() : null,
        channels,
      };
    });
    list.sort((a, b) => (b.lastSentAt ?? b.createdAt ?? '').localeCompare(a.lastSentAt ?? a.createdAt ?? ''));
    res.setHeader('Cache-Control', 'no-store');
    res.json({ filters: f, campaigns: list } satisfies NotificationStatsAnswer);
  });

  r.post('/api/notifications/history', operator, express.json({ limit: '4kb' }), async (req, res) => {
    const { fiscalCode } = body(historyRequest, requireJsonObject(req.body, Boolean(req.is('application/json'))), 'invalid_history_request');
    const hmac = fiscalCodeHmac(ctx.secrets.fiscalCodeHmacKey, fiscalCode);
    const actor = await actorOf(ctx, req);
    const requestId = String((req as { id?: unknown }).id ?? '') || null;
    await auditLookup(ctx.db, { action: 'citizen_history', actor, subjectHmac: hmac, requestId });
    ctx.logger.info({ audit: 'citizen_history', actor, subject: hmac.slice(0, 16), requestId }, 'citizen history looked up');
    const [consent, history, notifications] = await Promise.all([
      getConsent(ctx.db, hmac),
      consentHistory(ctx.db, hmac, 100),
      notificationsOfCitizen(ctx.db, hmac),
    ]);
    res.setHeader('Cache-Control', 'no-store');
    res.json({
      consent: consent
        ? {
            proactive: consent.proactive,
            channels: consentedChannels(consent),
            email: mask(consent.email),
            mobile: mask(consent.mobile),
            pec: mask(consent.pec),
            app: consent.app,
            updatedAt: consent.updated_at.toISOString(),
          }
        : null,
      consentHistory: history.map((h) => ({
        id: h.id,
        at: h.changed_at.toISOString(),
        source: h.source,
        actor: h.actor,
        proactive: h.proactive,
        channels: consentedChannels(h),
      })),
      notifications: notifications.map((n) => ({
        id: n.id,
        guideId: n.guide_id,
        guideType: n.guide_type,
        campaignId: n.campaign_id,
        channel: n.channel,
        status: n.status,
        reason: n.reason,
        attempts: n.attempts,
        consentHistoryId: n.consent_history_id,
        createdAt: n.created_at.toISOString(),
        sentAt: iso(n.sent_at),
        finalAt: iso(n.final_at),
        openedAt: iso(n.opened_at),
      })),
    } satisfies CitizenHistory);
  });
  return r;
}
