import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Router } from 'express';
import type { AppContext } from '../deps';
import { requireRole } from '../middleware/api-key';
import { relaxedForBullBoard } from '../middleware/security';

export const QUEUE_BOARD_PATH = '/admin/queues';

/** Bull Board for operators watching the render queue; a browser logs in with Basic auth (password = key). */
export function queueBoardRoutes(ctx: AppContext): Router {
  const adapter = new ExpressAdapter();
  adapter.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({ queues: [new BullMQAdapter(ctx.renderQueue, { readOnlyMode: false })], serverAdapter: adapter });
  const r = Router();
  r.use(QUEUE_BOARD_PATH, requireRole(ctx.db, ['operator'], { basicRealm: 'Videoguida operators' }), relaxedForBullBoard, adapter.getRouter());
  return r;
}
