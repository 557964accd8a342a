import { generateEnvelopes } from '../../compositions/generator/generate';
import type { Database } from '../../server/db/database';
import { OPERATOR_KEY, type ApiProcess } from './fault-api';

export const emailOf = (i: number) => `citizen.${i}@example.test`;

/**
 * Through the API: `consenting` citizens opt in by email and `declined` opt out (upstream sync), and
 * a campaign of one RED guide per citizen is notified by email. Returns the campaign id.
 */
export async function emailCampaign(api: ApiProcess, o: { consenting: number; declined: number; seed: string }): Promise<string> {
  const headers = { authorization: `Bearer ${OPERATOR_KEY}` };
  const envelopes = [...generateEnvelopes('red', o.consenting + o.declined, o.seed)] as { citizen: { fiscalCode: string } }[];
  const consents = envelopes.map((e, i) => ({ fiscalCode: e.citizen.fiscalCode, proactive: i < o.consenting, email: emailOf(i) }));
  const sync = await fetch(`${api.url}/api/consents`, {
    method: 'PUT',
    headers: { ...headers, 'content-type': 'application/x-ndjson' },
    body: consents.map((c) => JSON.stringify(c)).join('\n'),
  });
  if (sync.status !== 200) throw new Error(`consent sync: ${sync.status} ${await sync.text()}`);
  const campaign = (await (
    await fetch(`${api.url}/api/campaigns`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ guideType: 'red', name: `RED by email ${o.seed}`, channels: ['email'] }),
    })
  ).json()) as { id: string };
  const upload = await fetch(`${api.url}/api/campaigns/${campaign.id}/guides`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/x-ndjson' },
    body: envelopes.map((e) => JSON.stringify(e)).join('\n'),
  });
  const report = (await upload.json()) as { created: number };
  if (report.created !== envelopes.length) throw new Error(`upload: ${JSON.stringify(report)}`);
  return campaign.id;
}

export async function statusCounts(db: Database): Promise<Record<string, number>> {
  return Object.fromEntries(
    (await db.query<{ status: string; n: number }>(`SELECT status, count(*) AS n FROM notifications GROUP BY status`)).map((r) => [r.status, r.n]),
  );
}

/** Messages received per recipient at the SMTP server. */
export class Inbox {
  readonly byRecipient = new Map<string, number>();
  total = 0;
  add(to: string[]): void {
    for (const r of to) this.byRecipient.set(r, (this.byRecipient.get(r) ?? 0) + 1);
    this.total += 1;
  }
  /** Recipients with other than exactly one message among the expected ones, and unexpected ones. */
  problems(expected: string[]): string[] {
    const want = new Set(expected);
    const wrong = expected.filter((e) => this.byRecipient.get(e) !== 1).map((e) => `${e}: ${this.byRecipient.get(e) ?? 0}`);
    for (const r of this.byRecipient.keys()) if (!want.has(r)) wrong.push(`${r}: unexpected`);
    return wrong;
  }
}
