import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Router } from 'express';
import type { AppContext } from '../deps';
import { requireRole } from '../middleware/api-key';
import { sameOriginOnly } from '../middleware/same-origin';
import { relaxedForBullBoard } from '../middleware/security';

export const QUEUE_BOARD_PATH = '/admin/queues';

/** Bull Board for operators watching the render queue; a browser logs in with Basic auth (password = key). */
export function queueBoardRoutes(ctx: AppContext): Router {
  const adapter = new ExpressAdapter();
  adapter.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({ queues: [new BullMQAdapter(ctx.renderQueue, { readOnlyMode: false })], serverAdapter: adapter });
  const r = Router();
  // Cross-site writes are refused before the key is even looked at: the browser would attach its
  // cached Basic credentials to a forged form post from any site (Bull Board retries, cleans, deletes jobs).
  const sameOrigin = sameOriginOnly({ publicBaseUrl: ctx.config.publicBaseUrl, trustProxy: ctx.config.api.trustProxy, what: 'Bull Board' });
  r.use(QUEUE_BOARD_PATH, sameOrigin, requireRole(ctx, ['operator'], { basicRealm: 'Videoguida operators' }), relaxedForBullBoard, adapter.getRouter());
  return r;
}
