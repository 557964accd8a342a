import { z } from 'zod';

/**
 * A guide's render status, as every HTTP answer names it (manifest, guide summary, campaign counts):
 * pending (lazy render, or held out), queued, rendering, ready, failed. server/db/guides.ts stores it.
 */
export const GUIDE_STATUSES = ['pending', 'queued', 'rendering', 'ready', 'failed'] as const;
export const guideStatus = z.enum(GUIDE_STATUSES);
export type GuideStatus = z.infer<typeof guideStatus>;

/**
 * Live narration of a manifest: ready (its audio plays in sync), pending (synthesis under way; the
 * /narrated URL answers once done), unavailable (no speech on this server or the engine failed).
 */
export const NARRATION_STATUSES = ['ready', 'pending', 'unavailable'] as const;
export const narrationStatus = z.enum(NARRATION_STATUSES);
export type NarrationStatus = z.infer<typeof narrationStatus>;
