import express, { Router } from 'express';
import type { z } from 'zod';
import type { triggeredGuide } from '../../contract/guides';
import type { AppContext } from '../deps';
import { invalid } from '../errors';
import { createGuide } from '../../server/guides/create-guide';
import { checkEnvelope } from '../../server/guides/prepare';
import { requireRole } from '../middleware/api-key';
import { TRIGGER_EVENTS, trigger } from '../schemas';
import { body } from '../validate';
import { JSON_LIMIT, requireJsonObject } from './routes';

/**
 * POST /api/triggers: an upstream system reports an event ("naspi.accepted") with the envelope of
 * the guide it calls for. The event fixes the guide type, so a mismatched envelope is refused; the
 * rest is POST /api/guides (idempotent by externalRef, rendered first, notified unless notify=false).
 */
export function triggerRoutes(ctx: AppContext): Router {
  const r = Router();
  r.post('/api/triggers', requireRole(ctx, ['operator']), express.json({ limit: JSON_LIMIT }), async (req, res) => {
    const t = body(trigger, requireJsonObject(req.body, Boolean(req.is('application/json'))), 'invalid_trigger');
    const checked = checkEnvelope(t.envelope, TRIGGER_EVENTS[t.event]);
    if (!checked.ok)
      throw invalid(
        'invalid_envelope',
        checked.errors.map((e) => ({ ...e, field: `envelope.${e.field}` })),
      );
    const g = await createGuide(ctx, checked.envelope, { notify: t.notify ?? true });
    if (g.created) ctx.metrics.guidesCreated.inc({ source: 'trigger' });
    ctx.logger.info({ event: t.event, guideId: g.id, created: g.created }, 'trigger');
    res
      .status(g.created ? 201 : 200)
      .json({ event: t.event, id: g.id, status: g.status, links: g.links, heldOut: g.heldOut } satisfies z.infer<typeof triggeredGuide>);
  });
  return r;
}
