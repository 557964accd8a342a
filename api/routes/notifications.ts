import { Router } from 'express';
import type { AppContext } from '../deps';

/** Issue #10: consents, notification receipts, per-citizen history. Mounted by createApp; filled in by that work. */
export function notificationRoutes(_ctx: AppContext): Router {
  return Router();
}
