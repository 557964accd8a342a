import express, { Router } from 'express';
import type { MyConsentsAnswer } from '../../contract/reserved-area';
import { applyConsentChanges, consentedChannels, consentHistory, getConsent } from '../../server/notify/consents';
import type { AppContext } from '../deps';
import { privateAnswer } from '../middleware/security';
import { requireJsonObject } from '../guides/routes';
import { body } from '../validate';
import { myConsents } from './contacts';
import { citizenHmacOf } from './identity';

/**
 * "Gestione consensi" in the reserved area: the citizen reads and changes their own opt-in and
 * contacts. Who they are comes only from the verified JWT; every change is appended to the history
 * with source "citizen". A revocation stops every notification still queued for them.
 */
export function meConsentRoutes(ctx: AppContext): Router {
  const r = Router();
  const answer = async (hmac: string): Promise<MyConsentsAnswer> => {
    const [c, history] = await Promise.all([getConsent(ctx.db, hmac), consentHistory(ctx.db, hmac, 50)]);
    return {
      proactive: c?.proactive ?? false,
      email: c?.email ?? null,
      mobile: c?.mobile ?? null,
      pec: c?.pec ?? null,
      app: c?.app ?? false,
      channels: consentedChannels(c),
      updatedAt: c?.updated_at.toISOString() ?? null,
      history: history.map((h) => ({
        at: h.changed_at.toISOString(),
        source: h.source,
        proactive: h.proactive,
        email: h.email,
        mobile: h.mobile,
        pec: h.pec,
        app: h.app,
      })),
    };
  };

  r.get('/api/me/consents', privateAnswer, async (req, res) => {
    res.json((await answer(await citizenHmacOf(ctx, req))) satisfies MyConsentsAnswer);
  });

  r.put('/api/me/consents', privateAnswer, express.json({ limit: '16kb' }), async (req, res) => {
    const hmac = await citizenHmacOf(ctx, req);
    const input = body(myConsents, requireJsonObject(req.body, Boolean(req.is('application/json'))), 'invalid_consents');
    const changed = await applyConsentChanges(ctx.db, [{ hmac, ...input }], 'citizen', 'self');
    ctx.logger.info({ consent: 'citizen', changed: changed.length > 0, proactive: input.proactive }, 'consent updated');
    res.json((await answer(hmac)) satisfies MyConsentsAnswer);
  });
  return r;
}
