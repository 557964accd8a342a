import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEnvelopes } from '../compositions/generator/generate';
import { startSmtpSink, type SmtpSink } from '../notifier/smtp-sink';
import { startNotifier, type RunningNotifier } from '../notifier/start';
import { call, startTestApi, type TestApi } from './helpers/api';
import { waitUntil } from './helpers/services';

/**
 * Issue #17: a held-out citizen never receives a guide notification, through the real notifier and a
 * real SMTP server — neither from a campaign nor from a guide created one at a time, and not even when
 * an outbox row for them is forced past the database's guard.
 */

let api: TestApi;
let sink: SmtpSink;
let notifier: RunningNotifier | undefined;
let mailDir = '';
const mails: { to: string[]; raw: string }[] = [];

const people = [...generateEnvelopes('naspi', 50, 'impact-notify')] as { externalRef: string; citizen: { fiscalCode: string } }[];
const emailOf = (i: number) => `citizen${i}@example.test`;
const rows = (sql: string, params: unknown[] = []) => api.db.query<Record<string, any>>(sql, params);

beforeAll(async () => {
  api = await startTestApi({ backend: 'pglite', label: 'impact_notify', env: { IMPACT_HOLDOUT_SHARES: 'naspi=0.5' } });
  mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vg-impact-mail-'));
  sink = await startSmtpSink({ dir: mailDir, logger: api.ctx.logger, onMessage: (m) => mails.push({ to: m.to, raw: m.raw.toString('latin1') }) });
  const consents = people.map((p, i) => JSON.stringify({ fiscalCode: p.citizen.fiscalCode, proactive: true, email: emailOf(i) })).join('\n');
  expect((await call(api, 'PUT', '/api/consents', { raw: consents, headers: { 'content-type': 'application/x-ndjson' } })).status).toBe(200);
}, 60_000);

afterAll(async () => {
  await notifier?.close();
  await sink?.stop();
  await api?.close();
  if (mailDir) fs.rmSync(mailDir, { recursive: true, force: true });
});

describe('held-out citizens and the notifier', () => {
  it('sends the guide to every consenting treated citizen and to no held-out one', async () => {
    const c = await (
      await call(api, 'POST', '/api/campaigns', { body: { guideType: 'naspi', name: 'NASpI con controllo', channels: ['qr', 'email'], holdoutShare: 0.4 } })
    ).json();
    const campaignPeople = people.slice(0, 35);
    const report = await (
      await call(api, 'POST', `/api/campaigns/${c.id}/guides`, {
        raw: campaignPeople.map((p) => JSON.stringify(p)).join('\n'),
        headers: { 'content-type': 'application/x-ndjson' },
      })
    ).json();
    expect(report.heldOut).toBeGreaterThan(0);
    expect(report.heldOut).toBeLessThan(35);
    // Guides created one at a time: NASpI holds out half of them (IMPACT_HOLDOUT_SHARES).
    const direct: { heldOut: boolean }[] = [];
    for (const p of people.slice(35)) direct.push(await (await call(api, 'POST', '/api/guides', { body: { ...p, externalRef: `${p.externalRef}-D` } })).json());
    expect(direct.some((g) => g.heldOut) && direct.some((g) => !g.heldOut)).toBe(true);

    // An outbox row for a held-out guide, forced past the database's guard (as a buggy path might):
    // the notifier must still skip it.
    const [forced] = await rows(`SELECT id, fiscal_code_hmac FROM guides WHERE campaign_id = $1 AND held_out LIMIT 1`, [c.id]);
    await api.db.exec('ALTER TABLE notifications DISABLE TRIGGER notifications_refuse_held_out');
    await api.db.query(
      `INSERT INTO notifications (id, guide_id, channel, token_channel, campaign_id, guide_type, fiscal_code_hmac) VALUES (gen_random_uuid(), $1, 'email', 'email', $2, 'naspi', $3)`,
      [forced!.id, c.id, forced!.fiscal_code_hmac],
    );
    await api.db.exec('ALTER TABLE notifications ENABLE TRIGGER notifications_refuse_held_out');

    const guides = await rows(`SELECT g.id, g.held_out, g.external_ref FROM guides g WHERE g.fiscal_code_hmac IS NOT NULL`);
    const treatedIds = guides.filter((g) => !g.held_out).map((g) => g.id as string);
    const outbox = await rows(`SELECT n.guide_id, g.held_out FROM notifications n JOIN guides g ON g.id = n.guide_id`);
    expect(outbox.filter((o) => o.held_out).map((o) => o.guide_id)).toEqual([forced!.id]);
    expect(new Set(outbox.filter((o) => !o.held_out).map((o) => o.guide_id))).toEqual(new Set(treatedIds));

    notifier = await startNotifier({
      config: api.config,
      db: api.db,
      logger: api.ctx.logger,
      redisUrl: api.config.redisUrl,
      settings: { smtpUrl: sink.url, outboxPollMs: 100, backoffMs: 200 },
    });
    await waitUntil(
      async () => (await rows(`SELECT count(*) AS n FROM notifications WHERE status IN ('queued', 'sending')`))[0]!.n === 0,
      30_000,
      'notifications to settle',
      50,
    );

    const refOf = new Map(people.map((p, i) => [p.citizen.fiscalCode, i]));
    const addressOfGuide = async (id: string) => {
      const [g] = await rows(`SELECT external_ref FROM guides WHERE id = $1`, [id]);
      const ref = (g!.external_ref as string).replace(/-D$/, '');
      const person = people.find((p) => p.externalRef === ref)!;
      return emailOf(refOf.get(person.citizen.fiscalCode)!);
    };
    const treatedAddresses = new Set(await Promise.all(treatedIds.map(addressOfGuide)));
    const heldAddresses = new Set(await Promise.all(guides.filter((g) => g.held_out).map((g) => addressOfGuide(g.id))));
    const received = mails.flatMap((m) => m.to);
    expect(received).toHaveLength(treatedIds.length);
    for (const to of received) {
      expect(treatedAddresses.has(to)).toBe(true);
    }
    // A citizen held out of the campaign may be treated among the direct guides (and get that email):
    // what matters is that no held-out guide's notification is sent.
    const sentRows = await rows(`SELECT n.status, n.reason, g.held_out FROM notifications n JOIN guides g ON g.id = n.guide_id`);
    expect(sentRows.filter((r) => r.held_out)).toEqual([{ status: 'skipped', reason: 'held_out', held_out: true }]);
    expect(sentRows.filter((r) => !r.held_out).every((r) => r.status === 'sent' || r.status === 'delivered')).toBe(true);
    expect(heldAddresses.size).toBeGreaterThan(0);
    // The emails carry links; none of a held-out guide (they have no token at all).
    const heldTokens = await rows(`SELECT count(*) AS n FROM tokens t JOIN guides g ON g.id = t.guide_id WHERE g.held_out`);
    expect(heldTokens).toEqual([{ n: 0 }]);
  }, 60_000);
});
