import { Router } from 'express';
import type { AppContext } from '../deps';
import { builtPage } from '../built-page';
import { consentSyncRoutes } from './consent-sync';
import { consoleRoutes } from './console-routes';
import { meConsentRoutes } from './me-consents';
import { receiptRoutes } from './receipts';

/**
 * Issue #10: the consent registry (the citizen's own in the reserved area, the upstream bulk sync),
 * delivery receipts from the gateways, and the monitoring console's figures and per-citizen history.
 * Sending itself is the notifier's (notifier/), fed by the outbox the guide paths write.
 */

export function notificationRoutes(ctx: AppContext): Router {
  const r = Router();
  r.use(meConsentRoutes(ctx), consentSyncRoutes(ctx), receiptRoutes(ctx), consoleRoutes(ctx));
  r.get(
    '/console',
    builtPage(ctx.playerDir, 'console.html', {
      title: 'Videoguida – cruscotto notifiche',
      what: 'The notifications console',
    }),
  );
  return r;
}
