import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { romeToday } from '../server/impact/ingest-outcomes';
import { generateEnvelopes } from '../compositions/generator/generate';
import { insertCampaign } from '../server/db/campaigns';
import { emptyTally, syntheticOutcomes, type OutcomeModel } from '../server/impact/synthetic';
import { call } from './helpers/api';
import { exportCsv, openDashboard, signIn, startDashboardRig, type DashboardRig } from './helpers/dashboard';

/**
 * Issue #17 on the dashboard: the "Impatto" view of a campaign in Chromium shows the API's figures,
 * the intervals drawn as a forest plot, the sentences, the non-randomised comparison apart, and exports
 * every figure as CSV. The screenshot goes to a temp dir (IMPACT_SCREENSHOT_DIR to keep it).
 */

const N = 3000;
const CAMPAIGN = '5d0c8e21-7a3b-4c9d-8e1f-6b2a4c7d9e03';
const DAY = 86_400_000;
const printDate = new Date(Date.parse(`${romeToday()}T00:00:00Z`) - 100 * DAY).toISOString().slice(0, 10);
const MODELS: OutcomeModel[] = [
  { kind: 'contact_center_call', holdout: 0.2, treated: 0.1, watched: 0.05, repeats: 1 },
  { kind: 'branch_visit', holdout: 0.08, treated: 0.08 },
  { kind: 'deadline_met', holdout: 0.35, treated: 0.6, watched: 0.8 },
  { kind: 'online_service', serviceId: 'red-online', holdout: 0.25, treated: 0.45, repeats: 1 },
];

describe('the Impatto view in headless Chromium', () => {
  let rig: DashboardRig;
  let shots = '';

  beforeAll(async () => {
    shots = process.env.IMPACT_SCREENSHOT_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'vg-impact-shots-'));
    rig = await startDashboardRig('impact_dashboard');
    const { api } = rig;
    // A 10% holdout so that 3,000 guides give groups large enough to conclude.
    await insertCampaign(api.db, {
      id: CAMPAIGN,
      guideType: 'red',
      name: 'Sollecito RED – autunno',
      channels: ['qr'],
      renderPolicy: 'lazy',
      printDate,
      expiresAt: null,
      holdoutShare: 0.1,
    });
    const envelopes = [...generateEnvelopes('red', N, 'impact-dashboard')] as { externalRef: string }[];
    await call(api, 'POST', `/api/campaigns/${CAMPAIGN}/guides`, {
      raw: envelopes.map((e) => JSON.stringify(e)).join('\n'),
      headers: { 'content-type': 'application/x-ndjson' },
    });
    const rows = new Map(
      (
        await api.db.query<{ id: string; external_ref: string; held_out: boolean }>('SELECT id, external_ref, held_out FROM guides WHERE campaign_id = $1', [
          CAMPAIGN,
        ])
      ).map((r) => [r.external_ref, r]),
    );
    const guides = envelopes.map((e) => ({ externalRef: e.externalRef, heldOut: rows.get(e.externalRef)!.held_out, startOn: printDate }));
    const watchers: string[] = [];
    const tally = emptyTally();
    const lines = [
      ...syntheticOutcomes({ campaignId: CAMPAIGN, window: 30, watchShare: 0.2, models: MODELS, seed: 5, idPrefix: 'dash' }, guides, tally, (i) =>
        watchers.push(rows.get(guides[i]!.externalRef)!.id),
      ),
    ];
    await api.db.query(
      `INSERT INTO events (id, guide_id, guide_type, campaign_id, channel, province, view_id, kind, occurred_at)
       SELECT gen_random_uuid(), g.id, g.type, g.campaign_id, 'qr', g.province, gen_random_uuid(), 'view_start', now() FROM guides g WHERE g.id = ANY($1::uuid[])`,
      [watchers],
    );
    const report = await (
      await call(api, 'POST', '/api/outcomes', { raw: lines.map((l) => JSON.stringify(l)).join('\n'), headers: { 'content-type': 'application/x-ndjson' } })
    ).json();
    expect(report.created).toBe(tally.outcomes);
  }, 120_000);
  afterAll(async () => {
    await rig?.close();
    if (shots && !process.env.IMPACT_SCREENSHOT_DIR) fs.rmSync(shots, { recursive: true, force: true });
  });

  it('shows the effects with their intervals, the sentences, the non-randomised comparison apart, and exports CSV', async () => {
    const { api, browser } = rig;
    const api30 = await (await call(api, 'GET', `/api/impact?campaign=${CAMPAIGN}&windows=7,30,60,90`, { key: api.analystKey })).json();
    const effects30 = api30.effects.filter((e: any) => e.windowDays === 30);
    const { page, urls, errors } = await openDashboard(browser, api.url);
    await signIn(page, api.analystKey);
    await page.getByRole('button', { name: 'Impatto' }).click();
    await page.getByLabel('Campagna da valutare').selectOption(`c:${CAMPAIGN}`);
    await page.waitForSelector('section[aria-label="Effetto della videoguida"] .forest svg');

    const groups = await page.locator('section[aria-label="Gruppi"]').innerText();
    expect(groups).toContain('Sollecito RED – autunno');
    expect(groups).toContain(api30.groups.treated.toLocaleString('it-IT'));
    expect(groups).toContain(api30.groups.holdout.toLocaleString('it-IT'));
    const effect = page.locator('section[aria-label="Effetto della videoguida"]');
    // One drawn interval (and one table row, one sentence) per figure of the 30-day window.
    expect(await effect.locator('svg g.row').count()).toBe(effects30.length);
    expect(await effect.locator('tbody tr').count()).toBe(effects30.length);
    const sentences = await effect.locator('ul.sentences li').allInnerTexts();
    expect(sentences).toEqual(effects30.map((e: any) => e.sentence.it));
    const table = await effect.locator('tbody').innerText();
    const pp = (v: number) =>
      `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v * 100).toLocaleString('it-IT', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}`;
    const calls = effects30.find((e: any) => e.kind === 'contact_center_call');
    expect(calls.verdict).toBe('decrease');
    expect(table).toContain(`${pp(calls.difference.estimate)} (${pp(calls.difference.low)}; ${pp(calls.difference.high)})`);
    expect(table).toContain('riduzione dimostrata');
    expect(table).toContain('nessun effetto dimostrato');
    // The drawn interval of the calls lies left of the zero line, and holds its point.
    const geometry = await effect.locator('svg').evaluate((svg) => {
      const row = [...svg.querySelectorAll('g.row')].find((g) => g.querySelector('.label')?.textContent?.startsWith('Chiamate'))!;
      const [ci] = [...row.querySelectorAll('line.ci')];
      const zero = svg.querySelector('line.zero')!;
      const point = row.querySelector('.point')!;
      return {
        x1: Number(ci!.getAttribute('x1')),
        x2: Number(ci!.getAttribute('x2')),
        zero: Number(zero.getAttribute('x1')),
        point: Number(point.getAttribute('cx')),
      };
    });
    expect(geometry.x2).toBeLessThan(geometry.zero);
    expect(geometry.x1).toBeLessThan(geometry.point);
    expect(geometry.point).toBeLessThan(geometry.x2);
    const apart = await page.locator('section[aria-label="Chi ha guardato e chi no"]').innerText();
    expect(apart).toContain('non randomizzato');
    expect(apart).toContain('non misurano l’effetto della videoguida');

    await page.screenshot({ path: path.join(shots, 'impact-dashboard.png'), fullPage: true });

    const csv = await exportCsv(page);
    expect(csv).toContain('metodo_differenza,newcombe-hybrid-score');
    expect(csv).toContain('esito,kind,serviceId,finestra_giorni');
    const dataLines = csv.split('\n\n')[1]!.trim().split('\n');
    expect(dataLines).toHaveLength(1 + api30.effects.length);
    expect(csv).toContain(`,contact_center_call,,30,true,${calls.treated.citizens},${calls.treated.withOutcome},${calls.treated.rate},`);

    // Another window: the table follows.
    await page.getByLabel('Finestra').selectOption('90');
    await expect.poll(() => page.locator('section[aria-label="Effetto della videoguida"] h2').innerText()).toContain('90 giorni');
    expect(urls.filter((u) => u.includes(api.analystKey))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
