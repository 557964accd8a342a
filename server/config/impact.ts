import { z } from 'zod';
import { GUIDE_TYPES, type GuideType } from '../../compositions/common/envelope';
import { optionalString, secret } from './parse';

/** The largest holdout a campaign or a guide type may take: beyond half, the guides are the exception. */
export const MAX_HOLDOUT_SHARE = 0.5;

/**
 * "naspi=0.05,red=0.1": the holdout share of guides created one at a time (POST /api/guides, POST
 * /api/triggers), per guide type; a type not listed holds out nobody. Campaigns set their own.
 */
const holdoutShares = optionalString.transform((s, ctx) => {
  const out: Partial<Record<GuideType, number>> = {};
  if (s === undefined) return out;
  for (const part of s
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^([a-z]+)\s*[=:]\s*([0-9]*\.?[0-9]+)$/.exec(part);
    const type = m?.[1] as GuideType | undefined;
    const share = m ? Number(m[2]) : NaN;
    if (!m || !type || !(GUIDE_TYPES as readonly string[]).includes(type)) {
      ctx.addIssue({
        code: 'custom',
        message: `expected type=share pairs such as naspi=0.05,red=0.1 with a type among ${GUIDE_TYPES.join(', ')}, got "${part}"`,
      });
      return z.NEVER;
    }
    if (!(share >= 0 && share <= MAX_HOLDOUT_SHARE)) {
      ctx.addIssue({ code: 'custom', message: `the share of ${type} must be from 0 to ${MAX_HOLDOUT_SHARE}, got ${m[2]}` });
      return z.NEVER;
    }
    if (type in out) {
      ctx.addIssue({ code: 'custom', message: `${type} is listed twice` });
      return z.NEVER;
    }
    out[type] = share;
  }
  return out;
});

export const impactSchema = z.object({
  IMPACT_HOLDOUT_SHARES: holdoutShares,
  /**
   * The key of the holdout hash (HMAC-SHA256 over the campaign and the external reference). Unset: derived
   * from TOKEN_SECRET with a label of its own (server/impact/holdout.ts). Changing it changes which
   * citizens new uploads hold out, never the guides already created (their assignment is stored).
   */
  IMPACT_HOLDOUT_KEY: secret('IMPACT_HOLDOUT_KEY'),
});

export interface ImpactSettings {
  /** Holdout share of guides created one at a time, per type (absent: 0). */
  directHoldoutShares: Partial<Record<GuideType, number>>;
  holdoutKey: string | undefined;
}

export function impactSection(e: z.infer<typeof impactSchema>): ImpactSettings {
  return { directHoldoutShares: e.IMPACT_HOLDOUT_SHARES, holdoutKey: e.IMPACT_HOLDOUT_KEY };
}
