import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoKeyPair, signDemoToken } from '../api/auth/demo-keys';
import { generateEnvelopes } from '../compositions/generator/generate';
import { holdoutDraw, holdoutKey, isHeldOut } from '../server/impact/holdout';
import { BACKENDS } from './helpers/databases';
import { call, startTestApi, type TestApi } from './helpers/api';

/**
 * Issue #17, the randomised holdout: who is held out (a keyed hash of campaign and reference, stored,
 * stable across re-uploads), and that a held-out citizen gets no link, no QR code, no notification row
 * and no place in the reserved area, whatever path is tried.
 */

const N = 1500;
const SHARE = 0.1;
const ndjson = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
const upload = (api: TestApi, id: string, body: string) =>
  call(api, 'POST', `/api/campaigns/${id}/guides`, { raw: body, headers: { 'content-type': 'application/x-ndjson' } });

describe.each(BACKENDS)('impact holdout on %s', (backend) => {
  let api: TestApi;
  let key: string;
  const envelopes = [...generateEnvelopes('red', N, `holdout-${backend}`)] as { externalRef: string; citizen: { fiscalCode: string } }[];
  const file = ndjson(envelopes);
  let campaign = '';
  const assignment = async (id: string) =>
    new Map(
      (await api.db.query<{ external_ref: string; held_out: boolean }>('SELECT external_ref, held_out FROM guides WHERE campaign_id = $1', [id])).map((r) => [
        r.external_ref,
        r.held_out,
      ]),
    );

  beforeAll(async () => {
    // Guides created one at a time: half of the NASpI ones are held out (below).
    api = await startTestApi({ backend, label: 'impact_holdout', env: { IMPACT_HOLDOUT_SHARES: 'naspi=0.5' } });
    key = holdoutKey(api.config.impact, api.ctx.secrets.tokenSecret);
    // Every citizen consents to email: only the held-out ones must get no notification row.
    const consents = envelopes.map((e, i) => JSON.stringify({ fiscalCode: e.citizen.fiscalCode, proactive: true, email: `c${i}@example.test` })).join('\n');
    expect((await call(api, 'PUT', '/api/consents', { raw: consents, headers: { 'content-type': 'application/x-ndjson' } })).status).toBe(200);
  }, 60_000);
  afterAll(async () => {
    await api?.close();
  });

  it('takes a holdout share on the campaign, refused field by field outside 0–0.5', async () => {
    for (const [value, message] of [
      [0.6, 'at most 0.5'],
      [-0.1, 'from 0 to 0.5'],
      ['0.05', 'expected a share'],
    ] as const) {
      const r = await call(api, 'POST', '/api/campaigns', { body: { guideType: 'red', name: 'x', holdoutShare: value } });
      expect(r.status).toBe(422);
      const { error } = await r.json();
      expect(error.field).toBe('holdoutShare');
      expect(error.message).toContain(message);
    }
    const res = await call(api, 'POST', '/api/campaigns', {
      body: { guideType: 'red', name: 'RED 2026 con controllo', holdoutShare: SHARE, channels: ['qr', 'email'], printDate: '2026-01-15' },
    });
    expect(res.status).toBe(201);
    const c = await res.json();
    expect(c.holdoutShare).toBe(SHARE);
    campaign = c.id;
  });

  it('holds out the citizens the keyed hash picks, records it, and gives them no link and no notification', async () => {
    const report = await (await upload(api, campaign, file)).json();
    const expected = new Map(envelopes.map((e) => [e.externalRef, isHeldOut(key, campaign, e.externalRef, SHARE)]));
    const heldOut = [...expected.values()].filter(Boolean).length;
    // The draw is uniform: the share held out is within three binomial standard deviations of 10%.
    expect(Math.abs(heldOut / N - SHARE)).toBeLessThan(3 * Math.sqrt((SHARE * (1 - SHARE)) / N));
    expect(report).toMatchObject({ rows: N, created: N, heldOut, rejected: 0 });
    expect(await assignment(campaign)).toEqual(expected);

    const counts = await api.db.query<{ held_out: boolean; guides: number; tokens: number; outbox: number; statuses: string[] }>(
      `SELECT g.held_out, count(DISTINCT g.id) AS guides, count(t.hash) AS tokens,
              (SELECT count(*) FROM notifications n JOIN guides x ON x.id = n.guide_id WHERE x.campaign_id = $1 AND x.held_out = g.held_out) AS outbox,
              array_agg(DISTINCT g.status) AS statuses
       FROM guides g LEFT JOIN tokens t ON t.guide_id = g.id WHERE g.campaign_id = $1 GROUP BY g.held_out ORDER BY g.held_out`,
      [campaign],
    );
    expect(counts).toEqual([
      { held_out: false, guides: N - heldOut, tokens: 4 * (N - heldOut), outbox: N - heldOut, statuses: ['pending'] },
      { held_out: true, guides: heldOut, tokens: 0, outbox: 0, statuses: ['pending'] },
    ]);
    const detail = await (await call(api, 'GET', `/api/campaigns/${campaign}`, { key: api.analystKey })).json();
    expect(detail).toMatchObject({ holdoutShare: SHARE, guides: { total: N, heldOut } });
    // Held-out guides are not "produced" for the viewing statistics: no video reached their citizens.
    const stats = await (await call(api, 'GET', `/api/stats?campaign=${campaign}`, { key: api.analystKey })).json();
    expect(stats.produced).toBe(N - heldOut);
  });

  it('keeps the split across re-uploads, an interrupted upload finished later, and never rewrites it', async () => {
    const before = await assignment(campaign);
    const again = await (await upload(api, campaign, file)).json();
    expect(again).toMatchObject({ created: 0, existing: N, heldOut: 0 });
    expect(await assignment(campaign)).toEqual(before);

    // A second campaign uploaded in two goes holds out the same citizens as if uploaded at once,
    // and is drawn independently of the first campaign.
    const second = (await (await call(api, 'POST', '/api/campaigns', { body: { guideType: 'red', name: 'RED bis', holdoutShare: SHARE } })).json())
      .id as string;
    await upload(api, second, ndjson(envelopes.slice(0, 700)));
    const finished = await (await upload(api, second, file)).json();
    expect(finished).toMatchObject({ created: N - 700, existing: 700 });
    const split = await assignment(second);
    expect(split).toEqual(new Map(envelopes.map((e) => [e.externalRef, holdoutDraw(key, second, e.externalRef) < SHARE])));
    const both = envelopes.filter((e) => before.get(e.externalRef) && split.get(e.externalRef)).length;
    expect(both).toBeLessThan(N * SHARE * SHARE * 3);

    const [held] = await api.db.query<{ id: string }>('SELECT id FROM guides WHERE campaign_id = $1 AND held_out LIMIT 1', [campaign]);
    await expect(api.db.query('UPDATE guides SET held_out = false WHERE id = $1', [held!.id])).rejects.toThrow(/final/);
    await expect(api.db.query('UPDATE campaigns SET holdout_share = 0 WHERE id = $1', [campaign])).rejects.toThrow(/final/);
    // No path can give a held-out guide a link or a notification: the database refuses the statement.
    await expect(
      api.db.query(`INSERT INTO tokens (hash, guide_id, channel, expires_at) VALUES (decode(md5($1), 'hex'), $1::uuid, 'qr', now() + interval '1 day')`, [
        held!.id,
      ]),
    ).rejects.toThrow(/held-out guide gets no link/);
    await expect(
      api.db.query(
        `INSERT INTO notifications (id, guide_id, channel, token_channel, guide_type, fiscal_code_hmac) VALUES (gen_random_uuid(), $1, 'email', 'email', 'red', 'x')`,
        [held!.id],
      ),
    ).rejects.toThrow(/held-out guide gets no notification/);
  });

  it('marks held-out rows in the print export, without link or QR code', async () => {
    const expected = await assignment(campaign);
    const records = (await (await call(api, 'GET', `/api/campaigns/${campaign}/export`)).text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(records).toHaveLength(N);
    for (const r of records) {
      expect(r.heldOut).toBe(expected.get(r.externalRef));
      if (r.heldOut) expect(r).toMatchObject({ link: null, qrSvg: null });
      else expect(r.link).toMatch(/\/g\/[A-Za-z0-9_-]{32}$/);
    }
    const csv = (await (await call(api, 'GET', `/api/campaigns/${campaign}/export?format=csv&channel=email`)).text()).trim().split('\n');
    expect(csv[0]).toBe('externalRef,guideId,link,qrSvg,heldOut');
    const heldLines = csv.slice(1).filter((l) => l.endsWith(',true'));
    expect(heldLines).toHaveLength([...expected.values()].filter(Boolean).length);
    for (const l of heldLines) expect(l).toMatch(/^"[^"]+",[0-9a-f-]{36},,,true$/);
  });

  it('gives a held-out guide no link on any operator or citizen path', async () => {
    const [held] = await api.db.query<{ id: string; external_ref: string }>('SELECT id, external_ref FROM guides WHERE campaign_id = $1 AND held_out LIMIT 1', [
      campaign,
    ]);
    const g = await (await call(api, 'GET', `/api/guides/${held!.id}`)).json();
    expect(g).toMatchObject({ heldOut: true, links: {} });
    expect((await call(api, 'GET', `/api/guides/${held!.id}/qr.svg`)).status).toBe(404);
    const reissue = await call(api, 'POST', `/api/guides/${held!.id}/tokens/qr`);
    expect(reissue.status).toBe(409);
    expect((await reissue.json()).error).toMatchObject({ code: 'held_out', field: 'id' });
    // The reserved area does not list it either.
    const citizen = envelopes.find((e) => e.externalRef === held!.external_ref)!;
    const jwt = await signDemoToken(demoKeyPair(api.config.dataDir), citizen.citizen.fiscalCode);
    const mine = await (await fetch(`${api.url}/api/me/guides`, { headers: { authorization: `Bearer ${jwt}` } })).json();
    // The same citizen is in the second campaign too, maybe treated there: only that one may be listed.
    expect(mine.guides.length).toBeLessThanOrEqual(1);
    const listed = await api.db.query<{ n: number }>(
      'SELECT count(*) AS n FROM guides WHERE fiscal_code_hmac = (SELECT fiscal_code_hmac FROM guides WHERE id = $1) AND NOT held_out',
      [held!.id],
    );
    expect(mine.guides).toHaveLength(listed[0]!.n);
  });

  it('holds out guides created one at a time by their type’s share, with no links in the answer', async () => {
    const seen = { held: 0, treated: 0 };
    for (const e of [...generateEnvelopes('naspi', 12, `direct-${backend}`)] as { externalRef: string }[]) {
      const res = await call(api, 'POST', '/api/guides', { body: e });
      expect(res.status).toBe(201);
      const g = await res.json();
      const expected = isHeldOut(key, null, e.externalRef, 0.5);
      expect(g.heldOut).toBe(expected);
      if (expected) {
        seen.held += 1;
        expect(g).toMatchObject({ status: 'pending', links: {} });
        expect(await api.db.query('SELECT count(*) AS n FROM tokens WHERE guide_id = $1', [g.id])).toEqual([{ n: 0 }]);
      } else {
        seen.treated += 1;
        expect(Object.keys(g.links).sort()).toEqual(['app', 'email', 'qr', 'sms']);
      }
      // The same reference again: the same answer, nothing created.
      const again = await (await call(api, 'POST', '/api/guides', { body: e })).json();
      expect(again).toMatchObject({ id: g.id, heldOut: expected });
    }
    expect(seen.held).toBeGreaterThan(0);
    expect(seen.treated).toBeGreaterThan(0);
    // RED has no share configured: nobody held out.
    const red = [...generateEnvelopes('red', 1, `direct-red-${backend}`)][0]!;
    expect((await (await call(api, 'POST', '/api/guides', { body: red })).json()).heldOut).toBe(false);
  });
});
