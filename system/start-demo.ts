import type { AppContext } from '../api/deps';
import { createGuide } from '../server/guides/create-guide';
import { checkEnvelope } from '../server/guides/prepare';
import { GUIDE_TYPE_DEFINITIONS } from '../compositions/guide-types';
import { generateEnvelopes } from '../compositions/generator/generate';
import { generateApiKey, revokeOtherKeys, storeApiKey, type Role } from '../server/db/api-keys';
import type { Database } from '../server/db/database';
import { fiscalCodeHmac } from '../server/fiscal-code-hmac';
import { applyConsentChanges, getConsent } from '../server/notify/consents';

export interface DemoGuide {
  type: string;
  title: string;
  link: string;
  fiscalCode: string | null;
}

/**
 * One guide of each type, created through the same path as POST /api/guides with fixed external
 * references: a restart finds them and prints the same links. (A campaign holds one guide type, so
 * the six demo guides are direct guides, like the ones upstream events create.)
 */
export async function ensureDemoGuides(ctx: AppContext): Promise<DemoGuide[]> {
  const out: DemoGuide[] = [];
  let notified = false;
  for (const raw of generateEnvelopes('all', 6, 'demo')) {
    const checked = checkEnvelope(raw);
    if (!checked.ok) throw new Error(`demo envelope invalid: ${JSON.stringify(checked.errors)}`);
    // The first personal guide's citizen has opted in to email, so a new user sees the whole path:
    // consent, outbox, notifier, the local SMTP sink's .eml with the guide's email link.
    const e0 = checked.envelope;
    const notify: boolean = !notified && 'citizen' in e0 && (await ensureDemoConsent(ctx, e0.citizen.fiscalCode));
    notified ||= notify;
    const g = await createGuide(ctx, checked.envelope, { notify });
    const e = checked.envelope;
    out.push({
      type: e.type,
      title: GUIDE_TYPE_DEFINITIONS[e.type].title.it,
      link: g.links.qr ?? '(revoked)',
      fiscalCode: 'citizen' in e ? e.citizen.fiscalCode : null,
    });
  }
  return out;
}

/** Opt-in to email for the demo citizen (an example.it address), once: a citizen's later change stays. */
async function ensureDemoConsent(ctx: AppContext, fiscalCode: string): Promise<boolean> {
  const hmac = fiscalCodeHmac(ctx.secrets.fiscalCodeHmacKey, fiscalCode);
  if (!(await getConsent(ctx.db, hmac))) await applyConsentChanges(ctx.db, [{ hmac, proactive: true, email: 'cittadino.demo@example.it' }], 'upstream', 'demo');
  return true;
}

/**
 * OPERATOR_KEY / ANALYST_KEY when set; otherwise a fresh key per start (printed once, only its hash
 * stored), and the previous start's generated key is revoked.
 */
export async function ensureApiKeys(
  db: Database,
  keys: Record<Role, string | undefined>,
  options: { generate?: boolean } = {},
): Promise<Partial<Record<Role, { key: string; generated: boolean }>>> {
  const out: Partial<Record<Role, { key: string; generated: boolean }>> = {};
  for (const role of ['operator', 'analyst'] as const) {
    const given = keys[role];
    // An API host among several (system/api.ts) keeps the keys the others stored: one generating its
    // own would revoke theirs.
    if (!given && options.generate === false) continue;
    const key = given ?? generateApiKey(role);
    const label = `${given ? 'env' : 'generated'}:${role}`;
    await storeApiKey(db, key, role, label);
    await revokeOtherKeys(db, label, key);
    if (given) await revokeOtherKeys(db, `generated:${role}`, key);
    out[role] = { key, generated: !given };
  }
  return out;
}
