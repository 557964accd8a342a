import { createHmac } from 'node:crypto';
import type { GuideType } from '../../compositions/common/envelope';
import type { ImpactSettings } from '../config/impact';

/**
 * Who is held out, and why it is done this way (docs/impact.md).
 *
 * A guide is held out when u < share, where u ∈ [0, 1) is read from
 * HMAC-SHA256(key, "videoguida/holdout/v1\n<campaign id or 'direct'>\n<external reference>"): the first
 * 48 bits divided by 2^48. So the split is
 * - reproducible: the same campaign and reference always give the same u, so a re-upload (or an
 *   interrupted upload finished later) holds out exactly the same citizens; the outcome is also stored
 *   with the guide (guides.held_out) and never rewritten;
 * - independent of anything about the citizen: the external reference is an opaque id chosen by the
 *   institute, nothing personal is hashed, and u is uniform and independent of the citizen's
 *   characteristics, so the two groups differ only by chance (a randomised experiment);
 * - not guessable: without the key nobody, operator or citizen, can tell or steer who is held out;
 * - independent across campaigns: the campaign id is in the message, so a citizen held out of one
 *   campaign is no likelier to be held out of the next.
 */
const LABEL = 'videoguida/holdout/v1';
const DIRECT = 'direct';
const TWO_48 = 2 ** 48;

/** The holdout key: IMPACT_HOLDOUT_KEY, else derived from TOKEN_SECRET with a label of its own. */
export function holdoutKey(settings: Pick<ImpactSettings, 'holdoutKey'>, tokenSecret: string): string {
  return settings.holdoutKey ?? createHmac('sha256', tokenSecret).update('videoguida/impact-holdout-key/v1').digest('base64url');
}

/** The uniform draw of one guide, in [0, 1). */
export function holdoutDraw(key: string, campaignId: string | null, externalRef: string): number {
  const mac = createHmac('sha256', key)
    .update(`${LABEL}\n${campaignId ?? DIRECT}\n${externalRef}`)
    .digest();
  return mac.readUIntBE(0, 6) / TWO_48;
}

export function isHeldOut(key: string, campaignId: string | null, externalRef: string, share: number): boolean {
  return share > 0 && holdoutDraw(key, campaignId, externalRef) < share;
}

/** The share of guides created one at a time, for their type. */
export function directHoldoutShare(settings: Pick<ImpactSettings, 'directHoldoutShares'>, type: GuideType): number {
  return settings.directHoldoutShares[type] ?? 0;
}
