import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEnvelopes } from '../compositions/generator/generate';
import type { RunningNotifier } from '../notifier/start';
import { fiscalCodeHmac } from '../server/fiscal-code-hmac';
import { signBody, SIGNATURE_HEADER } from '../server/notify/signature';
import { call, startTestApi, type TestApi } from './helpers/api';
import { closeInOrder } from './helpers/close-in-order';
import { startNotifierBeside } from './helpers/test-notifier';
import { startMailSink, startWebhookSink, type WebhookSink, type MailSink } from './helpers/channel-sinks';
import { waitUntil } from './helpers/services';

/**
 * The monitoring console's figures against the notification table itself (PostgreSQL): a campaign on
 * email and SMS plus direct guides, with a known mix of deliveries, bounces, failures, openings and
 * ratings; filtered by province and period. And the operator's audited per-citizen history.
 */

type Row = Record<string, any>;
const N = 40;
let api: TestApi;
let sink: MailSink;
let notifier: RunningNotifier;
let hooks: WebhookSink;
const mailLinks: { to: string; token: string; messageId: string }[] = [];
const smsCalls: { id: string; to: string; link: string }[] = [];

const people = [...generateEnvelopes('red', N + 6, 'notify-console')] as { externalRef: string; citizen: { fiscalCode: string; province: string } }[];
const ndjson = (lines: unknown[]) => lines.map((l) => JSON.stringify(l)).join('\n');
const rows = (sql: string, params: unknown[] = []) => api.db.query<Row>(sql, params);
const tokenIn = (raw: string) => /\/g\/([A-Za-z0-9_-]{32})/.exec(raw.replace(/=\r?\n/g, ''))![1]!;

async function receipts(list: { id: string; status: string }[]) {
  const body = JSON.stringify({ receipts: list });
  const secret = api.ctx.secrets.notifyWebhookSecret!;
  const res = await fetch(`${api.url}/api/notifications/receipts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signBody(secret, body) },
    body,
  });
  expect(res.status).toBe(200);
  expect((await res.json()).applied).toBe(list.length);
}

/** The figures recomputed here from raw rows, independently of the SQL behind the endpoint. */
function expected(notifications: Row[], events: Row[]) {
  const out = new Map<string, Row>();
  for (const n of notifications) {
    const key = `${n.campaign_id ?? ''}/${n.channel}`;
    const f = out.get(key) ?? { notified: 0, pending: 0, sent: 0, delivered: 0, bounced: 0, failed: 0, skipped: 0, opened: 0, ratings: 0, sum: 0 };
    f.notified += 1;
    if (n.status === 'queued' || n.status === 'sending') f.pending += 1;
    if (n.sent_at) f.sent += 1;
    if (['delivered', 'bounced', 'failed', 'skipped'].includes(n.status)) f[n.status] += 1;
    if (n.opened_at) f.opened += 1;
    for (const e of events.filter((e) => e.guide_id === n.guide_id && e.channel === n.token_channel)) {
      f.ratings += 1;
      f.sum += e.value;
    }
    out.set(key, f);
  }
  return out;
}

async function stats(query = '', key = api.analystKey) {
  const res = await call(api, 'GET', `/api/notifications/stats${query}`, { key });
  expect(res.status).toBe(200);
  return (await res.json()).campaigns as { campaignId: string | null; channels: Record<string, Row> }[];
}

function compare(campaigns: Awaited<ReturnType<typeof stats>>, want: Map<string, Row>) {
  const got = new Map<string, Row>();
  for (const c of campaigns) for (const [ch, f] of Object.entries(c.channels)) got.set(`${c.campaignId ?? ''}/${ch}`, f);
  expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
  for (const [key, w] of want) {
    const g = got.get(key)!;
    for (const k of ['notified', 'pending', 'sent', 'delivered', 'bounced', 'failed', 'skipped', 'opened', 'ratings']) expect(g[k], `${key} ${k}`).toBe(w[k]);
    expect(g.averageRating, `${key} average`).toBe(w.ratings ? Math.round((w.sum / w.ratings) * 100) / 100 : null);
  }
}

beforeAll(async () => {
  api = await startTestApi({ backend: 'postgres', label: 'notify_console' });
  sink = await startMailSink((m) => mailLinks.push({ to: m.to[0]!, token: tokenIn(m.raw.toString('latin1')), messageId: m.messageId! }), api.ctx.logger);
  hooks = await startWebhookSink(({ body }) => {
    const j = JSON.parse(body.toString('utf8'));
    smsCalls.push({ id: j.id, to: j.to, link: j.link });
    return { status: 202, json: {} };
  });
  notifier = await startNotifierBeside(api, {
    smtpUrl: sink.url,
    smsWebhookUrl: `${hooks.base}/sms`,
    outboxPollMs: 100,
    ratePerSecond: { ...api.config.notify.ratePerSecond, email: 500, sms: 500 },
  });
}, 60_000);

afterAll(() => closeInOrder(notifier, sink, hooks, api));

describe('monitoring console', () => {
  let campaignId = '';

  it("counts per campaign and channel equal the notification table's, with a known mix of outcomes", async () => {
    // Consents: i%4 = 0 email, 1 SMS, 2 both, 3 none.
    const consents = people.map((p, i) => ({
      fiscalCode: p.citizen.fiscalCode,
      proactive: i % 4 !== 3,
      ...(i % 4 !== 1 ? { email: `c${i}@example.test` } : {}),
      ...(i % 4 === 1 || i % 4 === 2 ? { mobile: `+3933300${String(i).padStart(5, '0')}` } : {}),
    }));
    await call(api, 'PUT', '/api/consents', { raw: ndjson(consents), headers: { 'content-type': 'application/x-ndjson' } });
    const campaign = await (
      await call(api, 'POST', '/api/campaigns', { body: { guideType: 'red', name: 'Solleciti RED 2026', channels: ['qr', 'email', 'sms'] } })
    ).json();
    campaignId = campaign.id;
    await call(api, 'POST', `/api/campaigns/${campaignId}/guides`, { raw: ndjson(people.slice(0, N)), headers: { 'content-type': 'application/x-ndjson' } });
    for (const p of people.slice(N)) expect((await call(api, 'POST', '/api/guides', { body: p })).status).toBe(201);

    const all = () => rows(`SELECT * FROM notifications`);
    await waitUntil(async () => (await all()).every((n) => !['queued', 'sending'].includes(n.status)), 20_000, 'every notification to be sent', 50);
    const sent = await all();
    const campaignEmail = sent.filter((n) => n.campaign_id === campaignId && n.channel === 'email').sort((a, b) => a.id.localeCompare(b.id));
    const campaignSms = sent.filter((n) => n.campaign_id === campaignId && n.channel === 'sms').sort((a, b) => a.id.localeCompare(b.id));
    expect(campaignEmail).toHaveLength(20);
    expect(campaignSms).toHaveLength(20);

    // Receipts: 8 delivered and 3 bounced emails; 5 delivered and 1 failed SMS.
    await receipts([
      ...campaignEmail.slice(0, 8).map((n) => ({ id: n.id, status: 'delivered' })),
      ...campaignEmail.slice(8, 11).map((n) => ({ id: n.id, status: 'bounced' })),
    ]);
    await receipts([...campaignSms.slice(0, 5).map((n) => ({ id: n.id, status: 'delivered' })), { id: campaignSms[5]!.id, status: 'failed' }]);

    // Openings through the links the citizens received: 6 emails, 3 SMS.
    const emailTokens = mailLinks
      .filter((m) => campaignEmail.some((n) => m.messageId.startsWith(n.id)))
      .slice(0, 6)
      .map((m) => m.token);
    const smsTokens = smsCalls
      .filter((c) => campaignSms.some((n) => n.id === c.id))
      .slice(0, 3)
      .map((c) => c.link.slice(-32));
    for (const t of [...emailTokens, ...smsTokens]) expect((await fetch(`${api.url}/api/access/${t}`)).status).toBe(200);
    await waitUntil(async () => (await rows(`SELECT count(*) AS n FROM notifications WHERE opened_at IS NOT NULL`))[0]!.n === 9, 5000, 'nine openings', 50);

    // Feedback through the analytics engineer's POST /api/events: ratings bound to each token's channel.
    const rate = async (token: string, value: number) => {
      const res = await fetch(`${api.url}/api/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token, events: [{ id: randomUUID(), viewId: randomUUID(), kind: 'rating', at: new Date().toISOString(), value }] }),
      });
      expect(res.status).toBe(202);
    };
    await Promise.all([rate(emailTokens[0]!, 5), rate(emailTokens[1]!, 4), rate(emailTokens[2]!, 4), rate(smsTokens[0]!, 2)]);
    await waitUntil(async () => (await rows(`SELECT count(*) AS n FROM events WHERE kind = 'rating'`))[0]!.n === 4, 5000, 'the ratings to be stored', 50);

    const notifications = await all();
    const events = await rows(`SELECT guide_id, channel, value FROM events WHERE kind = 'rating'`);
    const want = expected(notifications, events);
    expect(want.get(`${campaignId}/email`)).toMatchObject({ notified: 20, sent: 20, delivered: 8, bounced: 3, failed: 0, opened: 6, ratings: 3 });
    expect(want.get(`${campaignId}/sms`)).toMatchObject({ notified: 20, sent: 20, delivered: 5, failed: 1, opened: 3, ratings: 1 });
    const campaigns = await stats();
    compare(campaigns, want);
    const c = campaigns.find((x) => x.campaignId === campaignId)!;
    expect(c).toMatchObject({ name: 'Solleciti RED 2026', guideType: 'red', campaignChannels: ['qr', 'email', 'sms'] });
    expect(c.channels.email!.averageRating).toBe(4.33);
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Rome' });
    expect(c.channels.email!.sendDates).toEqual([{ date: today, sent: 20 }]);
    // GET /api/stats counts the same sends as its "notified" (rollup trigger on notifications, 032).
    const analytics = await (await call(api, 'GET', `/api/stats?campaign=${campaignId}`, { key: api.analystKey })).json();
    expect(analytics.notified).toEqual({ qr: N, email: 20, sms: 20, app: 0, pec: 0 });
    const everywhere = await (await call(api, 'GET', '/api/stats', { key: api.analystKey })).json();
    const sentPerChannel = (ch: string) => notifications.filter((n) => n.channel === ch && n.sent_at).length;
    expect(everywhere.notified).toMatchObject({ email: sentPerChannel('email'), sms: sentPerChannel('sms') });
    // Operators may read it too; no key, no figures.
    expect((await call(api, 'GET', '/api/notifications/stats', { key: api.operatorKey })).status).toBe(200);
    expect((await call(api, 'GET', '/api/notifications/stats', { key: null })).status).toBe(401);
  });

  it('filters by province and period give the table counts of the same subset', async () => {
    const notifications = await rows(`SELECT * FROM notifications`);
    const events = await rows(`SELECT guide_id, channel, value FROM events WHERE kind = 'rating'`);
    const province = notifications[0]!.province as string;
    compare(
      await stats(`?province=${province}`),
      expected(
        notifications.filter((n) => n.province === province),
        events,
      ),
    );
    compare(
      await stats(`?campaignId=${campaignId}`),
      expected(
        notifications.filter((n) => n.campaign_id === campaignId),
        events,
      ),
    );
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Rome' });
    const tomorrow = new Date(Date.now() + 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Rome' });
    compare(await stats(`?from=${today}&to=${today}`), expected(notifications, events));
    expect(await stats(`?from=${tomorrow}`)).toEqual([]);
    expect((await call(api, 'GET', '/api/notifications/stats?from=yesterday', { key: api.analystKey })).status).toBe(400);
    expect((await call(api, 'GET', '/api/notifications/stats?province=XX', { key: api.analystKey })).status).toBe(400);
  });

  it("an operator reads one citizen's history by a fiscal code in the body; the look-up is audited without the code", async () => {
    const who = people[2]!; // consented to email and SMS
    const hmac = fiscalCodeHmac(api.ctx.secrets.fiscalCodeHmacKey, who.citizen.fiscalCode);
    const ask = (key: string, body: unknown) => call(api, 'POST', '/api/notifications/history', { key, body });
    expect((await ask(api.analystKey, { fiscalCode: who.citizen.fiscalCode })).status).toBe(403);
    expect((await ask(api.operatorKey, { fiscalCode: 'RSSMRA79B11C566X' })).status).toBe(422);
    const res = await ask(api.operatorKey, { fiscalCode: who.citizen.fiscalCode });
    expect(res.status).toBe(200);
    const h = await res.json();
    const mine = await rows(`SELECT id, channel, status FROM notifications WHERE fiscal_code_hmac = $1 ORDER BY channel`, [hmac]);
    expect(h.notifications.map((n: Row) => [n.id, n.channel, n.status]).sort()).toEqual(mine.map((n) => [n.id, n.channel, n.status]).sort());
    expect(h.consent).toMatchObject({ proactive: true, channels: ['email', 'sms'], email: 'c***@example.test' });
    expect(h.consent.mobile).toMatch(/^\+39 \*\*\* \d{4}$/);
    expect(h.consentHistory[0]).toMatchObject({ source: 'upstream', actor: 'operator:test' });
    expect(JSON.stringify(h)).not.toContain(who.citizen.fiscalCode);

    const audit = await rows(`SELECT action, actor, subject_hmac FROM notification_audit`);
    expect(audit).toEqual([{ action: 'citizen_history', actor: 'operator:test', subject_hmac: hmac }]);
    const line = api.logs.find((l) => l.includes('citizen history looked up'))!;
    expect(JSON.parse(line)).toMatchObject({ audit: 'citizen_history', actor: 'operator:test', subject: hmac.slice(0, 16) });
    for (const l of api.logs) {
      for (const p of people) expect(l).not.toContain(p.citizen.fiscalCode);
      expect(l).not.toMatch(/@example\.test|\+39333/);
    }
  });

  it('GET /console answers the page, or says how to build it', async () => {
    const res = await fetch(`${api.url}/console`);
    expect([200, 503]).toContain(res.status);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});
