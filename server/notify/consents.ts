import type { ConsentSource } from '../../contract/notification-history';
import type { Queryable } from '../db/database';

/** What a citizen agreed to: proactive messages at all, and where (one contact per channel). */
export interface ConsentState {
  proactive: boolean;
  email: string | null;
  mobile: string | null;
  pec: string | null;
  /** Push notifications in the institute's app (addressed by the citizen's reference, no contact). */
  app: boolean;
}

export interface ConsentRow extends ConsentState {
  fiscal_code_hmac: string;
  history_id: number;
  updated_at: Date;
}

export interface ConsentHistoryRow extends ConsentState {
  id: number;
  source: ConsentSource;
  actor: string;
  changed_at: Date;
}

export type { ConsentSource };

/**
 * One citizen's change: `proactive` always; a contact left undefined keeps its current value,
 * `null` removes it.
 */
export interface ConsentChange {
  hmac: string;
  proactive: boolean;
  email?: string | null;
  mobile?: string | null;
  pec?: string | null;
  app?: boolean;
}

/**
 * Applies many changes in one statement: the new state is merged with the current one, and only
 * citizens whose state really changes get a history row (a nightly sync of unchanged data adds
 * nothing). Within one call the last change of a citizen wins. Returns the HMACs that changed.
 */
export async function applyConsentChanges(q: Queryable, changes: readonly ConsentChange[], source: ConsentSource, actor: string): Promise<string[]> {
  if (changes.length === 0) return [];
  const rows = changes.map((c, i) => ({
    i,
    h: c.hmac,
    p: c.proactive,
    e: c.email ?? null,
    m: c.mobile ?? null,
    c: c.pec ?? null,
    a: c.app ?? false,
    se: c.email !== undefined,
    sm: c.mobile !== undefined,
    sc: c.pec !== undefined,
    sa: c.app !== undefined,
  }));
  const changed = await q.query<{ fiscal_code_hmac: string }>(
    `WITH input AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb)
         AS r(i integer, h text, p boolean, e text, m text, c text, a boolean, se boolean, sm boolean, sc boolean, sa boolean)
     ), latest AS (
       SELECT DISTINCT ON (h) * FROM input ORDER BY h, i DESC
     ), merged AS (
       SELECT l.h, l.p AS proactive,
              CASE WHEN l.se THEN l.e ELSE c.email END AS email,
              CASE WHEN l.sm THEN l.m ELSE c.mobile END AS mobile,
              CASE WHEN l.sc THEN l.c ELSE c.pec END AS pec,
              CASE WHEN l.sa THEN l.a ELSE coalesce(c.app, false) END AS app,
              c.fiscal_code_hmac IS NULL AS is_new,
              c.proactive AS o_p, c.email AS o_e, c.mobile AS o_m, c.pec AS o_c, c.app AS o_a
       FROM latest l LEFT JOIN consents c ON c.fiscal_code_hmac = l.h
     ), changed AS (
       SELECT * FROM merged
       WHERE is_new OR (proactive, email, mobile, pec, app) IS DISTINCT FROM (o_p, o_e, o_m, o_c, o_a)
     ), history AS (
       INSERT INTO consent_history (fiscal_code_hmac, proactive, email, mobile, pec, app, source, actor)
       SELECT h, proactive, email, mobile, pec, app, $2, $3 FROM changed
       RETURNING id, fiscal_code_hmac, proactive, email, mobile, pec, app, changed_at
     )
     INSERT INTO consents (fiscal_code_hmac, proactive, email, mobile, pec, app, history_id, updated_at)
     SELECT fiscal_code_hmac, proactive, email, mobile, pec, app, id, changed_at FROM history
     ON CONFLICT (fiscal_code_hmac) DO UPDATE SET
       proactive = excluded.proactive, email = excluded.email, mobile = excluded.mobile, pec = excluded.pec,
       app = excluded.app, history_id = excluded.history_id, updated_at = excluded.updated_at
     RETURNING fiscal_code_hmac`,
    [JSON.stringify(rows), source, actor],
  );
  return changed.map((r) => r.fiscal_code_hmac);
}

export async function getConsent(q: Queryable, hmac: string): Promise<ConsentRow | undefined> {
  return (await q.query<ConsentRow>('SELECT * FROM consents WHERE fiscal_code_hmac = $1', [hmac]))[0];
}

/** Newest first. */
export async function consentHistory(q: Queryable, hmac: string, limit = 100): Promise<ConsentHistoryRow[]> {
  return q.query<ConsentHistoryRow>(
    `SELECT id, proactive, email, mobile, pec, app, source, actor, changed_at FROM consent_history
     WHERE fiscal_code_hmac = $1 ORDER BY id DESC LIMIT $2`,
    [hmac, limit],
  );
}

/** The channels this state allows, in a fixed order. */
export function consentedChannels(c: ConsentState | undefined): ('email' | 'sms' | 'app' | 'pec')[] {
  if (!c?.proactive) return [];
  const out: ('email' | 'sms' | 'app' | 'pec')[] = [];
  if (c.email) out.push('email');
  if (c.mobile) out.push('sms');
  if (c.app) out.push('app');
  if (c.pec) out.push('pec');
  return out;
}
