import { Router } from 'express';
import type { AppContext } from '../deps';

/** Issue #7: POST /api/events, GET /api/stats. Mounted by createApp; filled in by that work. */
export function analyticsRoutes(_ctx: AppContext): Router {
  return Router();
}
