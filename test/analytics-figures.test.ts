import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEnvelopes } from '../compositions/generator/generate';
import { storyboardOf, type Guide } from '../compositions/guide-types';
import { syntheticHistory, type Batch, type ExpectedFigures } from '../server/analytics/synthetic-history';
import { BACKENDS } from './helpers/databases';
import { call, startTestApi, tokenOf, type TestApi } from './helpers/api';

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
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < batches.length) await post(api, batches[next++]!);
  }));
}

const stats = async (api: TestApi, q = '') => {
  const res = await call(api, 'GET', `/api/stats${q}`, { key: api.analystKey });
  expect(res.status).toBe(200);
  const body = await res.json();
  delete body.generatedAt;
  delete body.queryMs;
  return body;
};

async function exportTokens(api: TestApi, campaignId: string, channel: string): Promise<string[]> {
  const res = await call(api, 'GET', `/api/campaigns/${campaignId}/export?format=ndjson&channel=${channel}`);
  expect(res.status).toBe(200);
  return (await res.text()).trim().split('\n').map((l) => tokenOf(JSON.parse(l).link as string));
}

describe.each(BACKENDS)('analytics figures on %s', (backend) => {
  let api: TestApi;
  let campaignId: string;
  let history: { batches: Batch[]; expected: ExpectedFigures };
  let qr: string[];
  let app: string[];

  beforeAll(async () => {
    api = await startTestApi({ backend, label: 'analytics_figures' });
    const campaign = await (await call(api, 'POST', '/api/campaigns', { body: { guideType: 'naspi', name: 'NASpI accolte', channels: ['qr', 'email', 'app'] } })).json();
    campaignId = campaign.id;
    const ndjson = [...generateEnvelopes('naspi', PRODUCED, `figures-${backend}`)].map((e) => JSON.stringify(e)).join('\n');
    const upload = await call(api, 'POST', `/api/campaigns/${campaignId}/guides`, { raw: ndjson, headers: { 'content-type': 'application/x-ndjson' } });
    expect((await upload.json()).created).toBe(PRODUCED);
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
      scenes: board.scenes.map((s) => ({ id: s.id, from: s.from, durationInFrames: s.durationInFrames, actions: s.actions.map((a) => ({ id: a.id, kind: a.kind })) })),
      durationInFrames: board.durationInFrames,
      seed: 4,
    });
    await sendAll(api, history.batches);
    // The citizens' page loads mark each channel's link as opened.
    for (const t of viewerTokens.slice(1)) expect((await fetch(`${api.url}/api/access/${t}`)).status).toBe(200);
  });
  afterAll(async () => {
    await api?.close();
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
    const exits = Object.fromEntries(s.scenes.filter((x: { exits: number }) => x.exits > 0).map((x: { sceneId: string; exits: number }) => [x.sceneId, x.exits]));
    expect(exits).toEqual(e.exits);
    // Every view that played either stopped in one scene or completed.
    expect(s.scenes[0].reached).toBe(e.completedViews + Object.values(e.exits).reduce((a, b) => a + b, 0));
  });

  it('counts notified and opened per channel, and filters by channel', async () => {
    const s = await stats(api, `?campaign=${campaignId}`);
    // Until notification records exist, "notified" is the links issued per channel (every channel gets one).
    const issued = await api.db.query<{ channel: string; n: number }>(
      `SELECT t.channel, count(*) AS n FROM tokens t JOIN guides g ON g.id = t.guide_id WHERE g.campaign_id = $1 GROUP BY 1`,
      [campaignId],
    );
    expect(s.notified).toEqual({ qr: 0, email: 0, sms: 0, app: 0, ...Object.fromEntries(issued.map((r) => [r.channel, r.n])) });
    expect(s.notified.qr).toBe(PRODUCED);
    expect(s.notifiedSource).toBe('tokens_issued');
    await expect.poll(async () => (await stats(api, `?campaign=${campaignId}`)).opened).toEqual({ qr: 45, email: 0, sms: 0, app: 15 });
    const viaApp = await stats(api, `?campaign=${campaignId}&channel=app`);
    expect(viaApp.produced).toBe(PRODUCED);
    expect(viaApp.viewers).toBe(15);
    const campaigns = await (await call(api, 'GET', '/api/stats/campaigns', { key: api.analystKey })).json();
    const c = campaigns.campaigns.find((x: { id: string }) => x.id === campaignId);
    expect(c).toMatchObject({ name: 'NASpI accolte', produced: PRODUCED, viewers: VIEWERS, viewedRate: 0.15 });
    expect(c.channels.find((x: { channel: string }) => x.channel === 'app')).toMatchObject({ notified: PRODUCED, opened: 15, openedRate: 0.0375, viewers: 15 });
  });

  it('changes no figure when batches are duplicated or replayed', async () => {
    const before = await stats(api, `?campaign=${campaignId}`);
    const sample = history.batches.filter((_, i) => i % 3 === 0);
    // Replayed as they were, and again with every event twice in one batch.
    await sendAll(api, sample);
    await sendAll(api, sample.map((b) => ({ token: b.token, events: [...b.events, ...b.events].slice(0, 100) })));
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
