import type { EventsReport } from '../../contract/reports';
import type { CampaignStatsAnswer, StatsAnswer } from '../../contract/stats';
import express, { Router } from 'express';
import { campaignFigures } from '../../server/analytics/campaign-figures';
import { EventsRefusedError, EventWriter, WriterClosedError } from '../../server/analytics/event-writer';
import { computeFigures } from '../../server/analytics/figures';
import { labelsByType } from '../../server/analytics/labels';
import { readCampaignStats, readStats } from '../../server/analytics/stats-query';
import { BindingCache } from './bindings';
import { builtPage } from '../built-page';
import { bindEvents, parseBatch, refuseIfNothingAccepted } from './ingest';
import { eventLimits } from './limits';
import { ViewBudget } from './view-budget';
import { registerEventWriter } from './registry';
import { statsQuery, toFilter, type StatsQuery } from './stats-params';
import type { AppContext } from '../deps';
import { ApiError } from '../errors';
import { requireRole } from '../middleware/api-key';
import { sameOriginOnly } from '../middleware/same-origin';
import { query } from '../validate';

/** A full batch of 100 events is ~25 KB; anything much larger is not a player. */
const EVENTS_BODY_LIMIT = '64kb';

const filtersOf = (q: StatsQuery) => ({
  type: q.type ?? null,
  campaign: q.campaign ?? null,
  channel: q.channel ?? null,
  province: q.province ?? null,
  from: q.from ?? null,
  to: q.to ?? null,
});

/** Issue #7: POST /api/events (citizens' players), GET /api/stats and the dashboard (analysts). */
export function analyticsRoutes(ctx: AppContext): Router {
  const r = Router();
  const settings = ctx.config.events;
  const writer = new EventWriter(ctx.db, { lingerMs: settings.flushMs, maxEvents: settings.flushMaxEvents, logger: ctx.logger });
  registerEventWriter(ctx, writer);
  const limits = eventLimits(ctx, settings);
  const analyst = requireRole(ctx, ['analyst']);
  const bindings = new BindingCache();
  const views = new ViewBudget(ctx.redis, ctx.rateLimitPrefix, { perBatch: settings.viewsPerBatch, perTokenPerHour: settings.viewsPerTokenPerHour });
  // Only this server's pages send events: the citizen page and /embed (a framed document is still
  // ours, same-origin). A page of another site making its visitors' browsers post batches is refused.
  const ownPagesOnly = sameOriginOnly({ publicBaseUrl: ctx.config.publicBaseUrl, trustProxy: ctx.config.api.trustProxy, what: 'POST /api/events' });

  r.post(
    '/api/events',
    ownPagesOnly,
    limits.perAddress,
    express.json({ limit: EVENTS_BODY_LIMIT, type: ['application/json', 'text/plain'] }),
    (req, res, next) => {
      res.locals.batch = parseBatch(req);
      next();
    },
    limits.perToken,
    async (req, res) => {
      const batch = res.locals.batch as ReturnType<typeof parseBatch>;
      const clock = { now: Date.now(), maxAgeSeconds: settings.maxAgeSeconds, maxAheadSeconds: settings.maxAheadSeconds };
      const bound = bindEvents(await bindings.resolve(ctx, batch.token, req), batch.events, clock);
      const { rows, rejected } = await views.admit(batch.token, bound);
      refuseIfNothingAccepted(rows, rejected);
      try {
        await writer.write(rows);
      } catch (err) {
        // The database refused a value of this batch (and only this batch: the writer isolates it).
        // Sending it again cannot help: 422, which the player does not retry.
        if (err instanceof EventsRefusedError) {
          throw new ApiError(
            422,
            'events_refused',
            `events: the database refused ${err.reason}; nothing of this batch was stored, and sending it again will not help`,
            'events',
          );
        }
        // Not stored: the player keeps the batch and sends it again (same ids, counted once).
        const closing = err instanceof WriterClosedError;
        res.setHeader('Retry-After', closing ? '5' : '2');
        throw new ApiError(
          503,
          closing ? 'shutting_down' : 'unavailable',
          closing ? 'the server is restarting; send the batch again' : 'events could not be stored; send the batch again',
        );
      }
      res.setHeader('Cache-Control', 'no-store');
      res.status(202).json({ accepted: rows.length, rejected } satisfies EventsReport);
    },
  );

  r.get('/api/stats', analyst, async (req, res) => {
    const q = query(statsQuery, req.query);
    const started = performance.now();
    const figures = computeFigures(await readStats(ctx.db, toFilter(q)), q.channel);
    const labels = labelsByType();
    res.setHeader('Cache-Control', 'no-store');
    res.json({
      filters: filtersOf(q),
      dateBasis: 'production',
      timeZone: 'Europe/Rome',
      ...figures,
      actions: figures.actions.map((a) => ({ ...a, label: labels[a.guideType]?.actions[a.actionId] ?? null })),
      scenes: figures.scenes.map((x) => ({ ...x, title: labels[x.guideType]?.scenes[x.sceneId] ?? null })),
      generatedAt: new Date().toISOString(),
      queryMs: Math.round(performance.now() - started),
    } satisfies StatsAnswer);
  });

  r.get('/api/stats/campaigns', analyst, async (req, res) => {
    const q = query(statsQuery, req.query);
    const { sums, campaigns } = await readCampaignStats(ctx.db, toFilter(q));
    res.setHeader('Cache-Control', 'no-store');
    res.json({ filters: filtersOf(q), campaigns: campaignFigures(sums, campaigns) } satisfies CampaignStatsAnswer);
  });

  r.get(
    '/dashboard',
    builtPage(ctx.playerDir, 'dashboard.html', {
      title: 'Videoguida – cruscotto',
      what: "The analysts' dashboard",
    }),
  );
  return r;
}
