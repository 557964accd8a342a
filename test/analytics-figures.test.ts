import { describe, expect, it } from 'vitest';
import { generateEnvelopes } from '../compositions/generator/generate';
import { storyboardOf, type Guide } from '../compositions/guide-types';
import { syntheticHistory, type Batch, type ExpectedFigures } from '../server/analytics/synthetic-history';
import { applyReceipts, claimForSend, markFinal, markSent } from '../server/notify/notifications';
import { BACKENDS } from './helpers/databases';
import { call, tokenOf, type TestApi } from './helpers/api';
import { useTestApi } from './helpers/test-api-hooks';

/**
 * Seed 004's NASpI figures (15% viewed, 63% of viewers interacted, 4.8 views per viewer, 4.6/5) built
 * as a real history: guides uploaded as a campaign, links taken from the print export, every event
 * sent through POST /api/events as a player would, figures read back from GET /api/stats.
 */
const PRODUCED = 400;
const VIEWERS = 60; // 15 %
const INTERACTING = 38; // 63.3 % → 63 %
const VIEWS = 288; // 4.8 per viewer
const RATINGS = [...Array(12).fill(5), ...Array(8).fill(4)] as number[]; // 4.6

async function post(api: TestApi, batch: Batch) {
  const res = await fetch(`${api.url}/api/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(batch) });
  expect(res.status, await res.clone().text()).toBe(202);
  return res.json() as Promise<{ accepted: number; rejected: unknown[] }>;
}

async function sendAll(api: TestApi, batches: readonly Batch[], concurrency = 6) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < batches.length) await post(api, batches[next++]!);
    }),
  );
}

const stats = async (api: TestApi, q = '') => {
  const res = await call(api, 'GET', `/api/stats${q}`, { key: api.analystKey });
  expect(res.status).toBe(200);
  const body = await res.json();
  delete body.generatedAt;
  delete body.queryMs;
  return body;
};

const ndjson = (lines: unknown[]) => lines.map((l) => JSON.stringify(l)).join('\n');
type Envelope = { externalRef: string; citizen: { fiscalCode: string } };

/**
 * Consents of the campaign's citizens, by envelope index: i%4 = 0 email and app, 1 email, 2 none,
 * 3 app (the citizens who will open the app link). The campaign is on qr, email and app.
 */
const consentOf = (e: Envelope, i: number) => ({
  fiscalCode: e.citizen.fiscalCode,
  proactive: i % 4 !== 2,
  ...(i % 4 <= 1 ? { email: `n${i}@example.test` } : {}),
  ...(i % 4 === 0 || i % 4 === 3 ? { app: true } : {}),
});

interface Outbox {
  id: string;
  channel: string;
  guide_id: string;
  external_ref: string | null;
  province: string;
  guide_type: string;
  history_id: number;
}

/** The notifier's own writes (server/notify/notifications.ts), without its queue: claim, then sent. */
async function send(api: TestApi, rows: readonly Outbox[], delivered = false) {
  for (const n of rows) {
    expect(await claimForSend(api.db, n.id)).toBe(true);
    await markSent(api.db, n.id, { providerId: `p-${n.id}`, delivered, consentHistoryId: n.history_id });
  }
}

async function exportTokens(api: TestApi, campaignId: string, channel: string): Promise<string[]> {
  const res = await call(api, 'GET', `/api/campaigns/${campaignId}/export?format=ndjson&channel=${channel}`);
  expect(res.status).toBe(200);
  return (await res.text())
    .trim()
    .split('\n')
    .map((l) => tokenOf(JSON.parse(l).link as string));
}

describe.each(BACKENDS)('analytics figures on %s', (backend) => {
  let campaignId: string;
  let history: { batches: Batch[]; expected: ExpectedFigures };
  let qr: string[];
  let app: string[];
  let outbox: Outbox[];
  const envelopes = [...generateEnvelopes('naspi', PRODUCED, `figures-${backend}`)] as Envelope[];
  const indexOf = new Map(envelopes.map((e, i) => [e.externalRef, i]));
  // Direct guides of another type, whose citizens also gave a PEC address (a channel campaigns lack).
  const direct = [...generateEnvelopes('red', 4, `figures-pec-${backend}`)] as Envelope[];
  const readOutbox = () =>
    api.db.query<Outbox>(
      `SELECT n.id, n.channel, n.guide_id, g.external_ref, coalesce(n.province, '') AS province, n.guide_type, c.history_id
       FROM notifications n LEFT JOIN guides g ON g.id = n.guide_id JOIN consents c ON c.fiscal_code_hmac = n.fiscal_code_hmac
       ORDER BY g.external_ref, n.channel`,
    );

  const api = useTestApi({ backend, label: 'analytics_figures' }, async () => {
    const consents = [
      ...envelopes.map(consentOf),
      ...direct.map((e, i) => ({ fiscalCode: e.citizen.fiscalCode, proactive: true, email: `d${i}@example.test`, pec: `d${i}@pec.example.it` })),
    ];
    expect((await call(api, 'PUT', '/api/consents', { raw: ndjson(consents), headers: { 'content-type': 'application/x-ndjson' } })).status).toBe(200);
    const campaign = await (
      await call(api, 'POST', '/api/campaigns', { body: { guideType: 'naspi', name: 'NASpI accolte', channels: ['qr', 'email', 'app'] } })
    ).json();
    campaignId = campaign.id;
    const upload = await call(api, 'POST', `/api/campaigns/${campaignId}/guides`, {
      raw: ndjson(envelopes),
      headers: { 'content-type': 'application/x-ndjson' },
    });
    expect((await upload.json()).created).toBe(PRODUCED);
    for (const e of direct) expect((await call(api, 'POST', '/api/guides', { body: e })).status).toBe(201);
    outbox = await readOutbox();
    qr = await exportTokens(api, campaignId, 'qr');
    app = await exportTokens(api, campaignId, 'app');
    // Three viewers in four open the letter's QR code, the others the app notification.
    const viewerTokens = Array.from({ length: VIEWERS }, (_, i) => (i % 4 === 3 ? app[i]! : qr[i]!));
    const manifest = await (await fetch(`${api.url}/api/access/${viewerTokens[0]}`)).json();
    const board = storyboardOf(manifest.guide as Guide, manifest.narration ? { narrationFrames: manifest.narration.frames } : undefined);
    history = syntheticHistory({
      tokens: viewerTokens,
      views: VIEWS,
      interactingViewers: INTERACTING,
      ratings: RATINGS,
      rerate: 3,
      scenes: board.scenes.map((s) => ({
        id: s.id,
        from: s.from,
        durationInFrames: s.durationInFrames,
        actions: s.actions.map((a) => ({ id: a.id, kind: a.kind })),
      })),
      durationInFrames: board.durationInFrames,
      seed: 4,
    });
    await sendAll(api, history.batches);
    // The citizens' page loads mark each channel's link as opened.
    for (const t of viewerTokens.slice(1)) expect((await fetch(`${api.url}/api/access/${t}`)).status).toBe(200);
  });

  it("gives back the institute's NASpI figures", async () => {
    const s = await stats(api, `?type=naspi&campaign=${campaignId}`);
    expect(s.produced).toBe(PRODUCED);
    expect(s.viewers).toBe(VIEWERS);
    expect(Math.round(s.viewedRate * 100)).toBe(15);
    expect(Math.round(s.interactionRate * 100)).toBe(63);
    expect(s.viewsPerViewer).toBe(4.8);
    expect(s.avgRating).toBe(4.6);
    expect(s.views).toBe(VIEWS);
    expect(s.ratings).toEqual({ count: 20, distribution: { 1: 0, 2: 0, 3: 0, 4: 8, 5: 12 } });
  });

  it('agrees with the history on completion, retention, actions and drop-off', async () => {
    const s = await stats(api, `?campaign=${campaignId}`);
    const e = history.expected;
    expect(s.completedViews).toBe(e.completedViews);
    expect(s.completionRate).toBeCloseTo(e.completedViews / VIEWS, 4);
    expect(s.retention.map((r: { views: number }) => r.views)).toEqual(e.reach);
    expect(s.retention[0].share).toBeCloseTo(e.reach[0]! / VIEWS, 4);
    const actions = Object.fromEntries(s.actions.map((a: { kind: string; actionId: string; views: number }) => [`${a.kind}:${a.actionId}`, a.views]));
    expect(actions).toEqual(e.actionViews);
    const exits = Object.fromEntries(
      s.scenes.filter((x: { exits: number }) => x.exits > 0).map((x: { sceneId: string; exits: number }) => [x.sceneId, x.exits]),
    );
    expect(exits).toEqual(e.exits);
    // Every view that played either stopped in one scene or completed.
    expect(s.scenes[0].reached).toBe(e.completedViews + Object.values(e.exits).reduce((a, b) => a + b, 0));
  });

  it('counts notified as the letters on qr and the notifications sent elsewhere', async () => {
    const campaignRows = outbox.filter((n) => n.external_ref !== null && indexOf.has(n.external_ref));
    const email = campaignRows.filter((n) => n.channel === 'email');
    const appRows = campaignRows.filter((n) => n.channel === 'app');
    expect([email.length, appRows.length]).toEqual([PRODUCED / 2, PRODUCED / 2]);
    const before = await stats(api, `?campaign=${campaignId}`);
    expect(before.notified).toEqual({ qr: PRODUCED, email: 0, sms: 0, app: 0, pec: 0 });

    // Email: 150 sent one by one; 30 more taken by the worker whose delivery receipts overtake its
    // own "sent" write (one multi-row UPDATE sets their sent_at), then that write lands; 10 skipped.
    await send(api, email.slice(0, 150));
    for (const n of email.slice(150, 180)) expect(await claimForSend(api.db, n.id)).toBe(true);
    expect(
      await applyReceipts(
        api.db,
        email.slice(150, 180).map((n) => ({ id: n.id, status: 'delivered' as const, at: new Date(), reason: null })),
      ),
    ).toHaveLength(30);
    for (const n of email.slice(150, 180)) await markSent(api.db, n.id, { providerId: null, delivered: false, consentHistoryId: n.history_id });
    for (const n of email.slice(180, 190)) expect(await markFinal(api.db, n.id, 'skipped', 'consent_withdrawn')).toBe(true);
    // App: the citizens who open the app link (i%4 = 3), push accepted as delivered.
    const appSent = appRows.filter((n) => indexOf.get(n.external_ref!)! % 4 === 3);
    await send(api, appSent, true);
    // Direct guides: PEC sent to three citizens, email to all four.
    const directRows = outbox.filter((n) => n.guide_type === 'red');
    await send(api, [...directRows.filter((n) => n.channel === 'pec').slice(0, 3), ...directRows.filter((n) => n.channel === 'email')]);

    const sent = await stats(api, `?campaign=${campaignId}`);
    expect(sent.notified).toEqual({ qr: PRODUCED, email: 180, sms: 0, app: 100, pec: 0 });
    expect(sent.notifiedSource).toEqual({
      qr: 'links_issued',
      email: 'notifications_sent',
      sms: 'notifications_sent',
      app: 'notifications_sent',
      pec: 'notifications_sent',
    });
    // The table itself agrees.
    const table = await api.db.query<{ channel: string; n: number }>(
      `SELECT channel, count(*) AS n FROM notifications WHERE campaign_id = $1 AND sent_at IS NOT NULL GROUP BY 1`,
      [campaignId],
    );
    expect(Object.fromEntries(table.map((r) => [r.channel, r.n]))).toEqual({ email: 180, app: 100 });

    // Delivered and bounced afterwards (a second update of sent rows) change nothing.
    await applyReceipts(api.db, [
      ...email.slice(0, 100).map((n) => ({ id: n.id, status: 'delivered' as const, at: new Date(), reason: null })),
      ...email.slice(100, 110).map((n) => ({ id: n.id, status: 'bounced' as const, at: new Date(), reason: '550' })),
    ]);
    expect((await stats(api, `?campaign=${campaignId}`)).notified).toEqual(sent.notified);

    // PEC has cells of its own; its openings are under email, the link it carries.
    const red = await stats(api, '?type=red');
    expect(red.notified).toMatchObject({ email: 4, sms: 0, app: 0, pec: 3 });
    expect(red.channels.find((c: { channel: string }) => c.channel === 'pec')).toMatchObject({
      notified: 3,
      linkChannel: 'email',
      opened: 0,
      openedRate: null,
    });
    const all = await stats(api);
    expect(all.notified).toMatchObject({ email: 184, app: 100, pec: 3 });
  });

  it('adds up the notifications sent over provinces and types', async () => {
    const rows = await api.db.query<{ province: string; guide_type: string; channel: string; n: number }>(
      `SELECT coalesce(province, '') AS province, guide_type, channel, count(*) AS n FROM notifications WHERE sent_at IS NOT NULL GROUP BY 1, 2, 3`,
    );
    const provinces = [...new Set(rows.map((r) => r.province))].sort();
    expect(provinces.length).toBeGreaterThan(5);
    const totals: Record<string, number> = {};
    for (const p of provinces) {
      const s = await stats(api, `?province=${p}`);
      for (const ch of ['email', 'app', 'pec']) {
        expect(s.notified[ch], `${p} ${ch}`).toBe(rows.filter((r) => r.province === p && r.channel === ch).reduce((a, r) => a + r.n, 0));
        totals[ch] = (totals[ch] ?? 0) + s.notified[ch];
      }
    }
    expect(totals).toEqual({ email: 184, app: 100, pec: 3 });
    const naspi = await stats(api, '?type=naspi');
    expect(naspi.notified).toMatchObject({ qr: PRODUCED, email: 180, app: 100, pec: 0 });
    // One province and one type together: the cells keyed by both.
    const one = rows.find((r) => r.guide_type === 'naspi' && r.channel === 'email')!;
    expect((await stats(api, `?type=naspi&province=${one.province}`)).notified.email).toBe(
      rows.filter((r) => r.guide_type === 'naspi' && r.channel === 'email' && r.province === one.province).reduce((a, r) => a + r.n, 0),
    );
  });

  it('counts opened per channel against notified, and filters by channel', async () => {
    await expect.poll(async () => (await stats(api, `?campaign=${campaignId}`)).opened).toEqual({ qr: 45, email: 0, sms: 0, app: 15, pec: 0 });
    const s = await stats(api, `?campaign=${campaignId}`);
    const byChannel = Object.fromEntries(s.channels.map((c: { channel: string }) => [c.channel, c]));
    expect(byChannel.qr).toMatchObject({ notified: PRODUCED, notifiedSource: 'links_issued', opened: 45, openedRate: 0.1125 });
    expect(byChannel.app).toMatchObject({ notified: 100, notifiedSource: 'notifications_sent', opened: 15, openedRate: 0.15, viewers: 15 });
    // With a channel filter "produced" stays the guides given a link on that channel.
    const viaApp = await stats(api, `?campaign=${campaignId}&channel=app`);
    expect(viaApp.produced).toBe(PRODUCED);
    expect(viaApp.viewers).toBe(15);
    expect(viaApp.notified).toEqual({ app: 100 });
    expect(viaApp.notifiedSource).toEqual({ app: 'notifications_sent' });
    const campaigns = await (await call(api, 'GET', '/api/stats/campaigns', { key: api.analystKey })).json();
    const c = campaigns.campaigns.find((x: { id: string }) => x.id === campaignId);
    expect(c).toMatchObject({ name: 'NASpI accolte', produced: PRODUCED, viewers: VIEWERS, viewedRate: 0.15 });
    const channel = (name: string) => c.channels.find((x: { channel: string }) => x.channel === name);
    expect(channel('app')).toMatchObject({
      notified: 100,
      issued: PRODUCED,
      sent: 100,
      notifiedSource: 'notifications_sent',
      opened: 15,
      openedRate: 0.15,
      viewers: 15,
    });
    expect(channel('email')).toMatchObject({ notified: 180, issued: PRODUCED, sent: 180, opened: 0, openedRate: 0 });
    expect(channel('qr')).toMatchObject({ notified: PRODUCED, issued: PRODUCED, sent: 0, notifiedSource: 'links_issued', opened: 45 });
  });

  it('changes no figure when batches are duplicated or replayed', async () => {
    const before = await stats(api, `?campaign=${campaignId}`);
    const sample = history.batches.filter((_, i) => i % 3 === 0);
    // Replayed as they were, and again with every event twice in one batch.
    await sendAll(api, sample);
    await sendAll(
      api,
      sample.map((b) => ({ token: b.token, events: [...b.events, ...b.events].slice(0, 100) })),
    );
    expect(await stats(api, `?campaign=${campaignId}`)).toEqual(before);
  });

  it('answers only analysts, with filters checked field by field', async () => {
    expect((await call(api, 'GET', '/api/stats', { key: null })).status).toBe(401);
    expect((await call(api, 'GET', '/api/stats')).status).toBe(403);
    const bad = await call(api, 'GET', '/api/stats?channel=fax&from=2024-02-30', { key: api.analystKey });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({ code: 'invalid_query', field: 'channel' });
    const reversed = await call(api, 'GET', '/api/stats?from=2024-05-01&to=2024-04-01', { key: api.analystKey });
    expect((await reversed.json()).error.field).toBe('to');
  });
});
