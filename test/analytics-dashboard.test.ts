import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEnvelopes } from '../compositions/generator/generate';
import { storyboardOf, type Guide } from '../compositions/guide-types';
import { syntheticHistory, type Batch } from '../server/analytics/synthetic-history';
import { call, tokenOf, type TestApi } from './helpers/api';
import { exportCsv, openDashboard, signIn, startDashboardRig, type DashboardRig } from './helpers/dashboard';

const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
// Screenshots land in a temp directory; `npm run docs:screenshots` sets DOCS_SCREENSHOTS=1 to refresh docs/.
const DOCS = process.env.DOCS_SCREENSHOTS === '1' ? path.join(REPO, 'docs') : fs.mkdtempSync(path.join(os.tmpdir(), 'vg-dashboard-shots-'));

async function campaignWithHistory(
  api: TestApi,
  type: 'naspi' | 'pensione',
  name: string,
  produced: number,
  viewers: number,
  views: number,
  interacting: number,
  ratings: number[],
) {
  const campaign = await (
    await call(api, 'POST', '/api/campaigns', { body: { guideType: type, name, channels: ['qr', 'email', 'app'], printDate: '2026-03-02' } })
  ).json();
  const envelopes = [...generateEnvelopes(type, produced, `dash-${name}`)] as { citizen: { fiscalCode: string } }[];
  // Four citizens in five take app notifications, two in five email.
  const consents = envelopes.map((e, i) => ({
    fiscalCode: e.citizen.fiscalCode,
    proactive: true,
    app: i % 5 !== 0,
    ...(i % 5 === 1 || i % 5 === 4 ? { email: `c${i}@example.test` } : {}),
  }));
  await call(api, 'PUT', '/api/consents', { raw: consents.map((c) => JSON.stringify(c)).join('\n'), headers: { 'content-type': 'application/x-ndjson' } });
  const ndjson = envelopes.map((e) => JSON.stringify(e)).join('\n');
  await call(api, 'POST', `/api/campaigns/${campaign.id}/guides`, { raw: ndjson, headers: { 'content-type': 'application/x-ndjson' } });
  // The notifier's "sent" in one statement (the analytics trigger counts them): every app push and
  // all but a tenth of the emails, still queued.
  await api.db.query(
    `UPDATE notifications SET status = 'sent', sent_at = now()
     WHERE campaign_id = $1 AND (channel = 'app' OR id IN (SELECT id FROM notifications WHERE campaign_id = $1 AND channel = 'email' ORDER BY id OFFSET $2))`,
    [campaign.id, Math.round(produced * 0.04)],
  );
  const links = async (channel: string) =>
    (await (await call(api, 'GET', `/api/campaigns/${campaign.id}/export?channel=${channel}`)).text())
      .trim()
      .split('\n')
      .map((l) => tokenOf(JSON.parse(l).link));
  const [qr, app, email] = [await links('qr'), await links('app'), await links('email')];
  const tokens = Array.from({ length: viewers }, (_, i) => (i % 5 === 3 ? app[i]! : i % 5 === 4 ? email[i]! : qr[i]!));
  for (const t of tokens) await fetch(`${api.url}/api/access/${t}`);
  const m = await (await fetch(`${api.url}/api/access/${tokens[0]}`)).json();
  const board = storyboardOf(m.guide as Guide);
  const { batches } = syntheticHistory({
    tokens,
    views,
    interactingViewers: interacting,
    ratings,
    seed: name.length,
    scenes: board.scenes,
    durationInFrames: board.durationInFrames,
  });
  let next = 0;
  const send = async (b: Batch) =>
    expect((await fetch(`${api.url}/api/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) })).status).toBe(
      202,
    );
  await Promise.all(
    Array.from({ length: 6 }, async () => {
      while (next < batches.length) await send(batches[next++]!);
    }),
  );
  return campaign.id as string;
}

describe('analysts dashboard in headless Chromium', () => {
  let rig: DashboardRig;
  let naspi: string;

  beforeAll(async () => {
    rig = await startDashboardRig('analytics_dashboard');
    naspi = await campaignWithHistory(rig.api, 'naspi', 'NASpI accolte – marzo', 400, 60, 288, 38, [...Array(12).fill(5), ...Array(8).fill(4)]);
    await campaignWithHistory(rig.api, 'pensione', 'Neopensionati – prima liquidazione', 150, 48, 150, 23, [5, 5, 5, 4, 5, 4, 5, 3, 5, 5]);
  }, 180_000);
  afterAll(async () => {
    await rig?.close();
    if (process.env.DOCS_SCREENSHOTS !== '1') fs.rmSync(DOCS, { recursive: true, force: true });
  });

  it('asks for the key once, keeps it out of URLs, and shows the figures, chart and tables', async () => {
    const { api } = rig;
    const { page, response, urls, errors } = await openDashboard(rig.browser, api.url);
    // Only requests after the key gate can carry it: recorded from here on.
    const authorized: string[] = [];
    page.on('request', (r) => {
      if (r.headers().authorization) authorized.push(r.url());
    });
    expect(response?.headers()['cache-control']).toBe('no-store');
    await signIn(page, 'wrong-key-0000000000');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Chiave non riconosciuta');
    errors.length = 0; // the browser logs the refused key's 401; nothing else may fail
    await signIn(page, api.analystKey);
    await page.getByLabel('Campagna').selectOption(naspi);
    await page.waitForSelector('.tiles');
    await expect.poll(() => page.locator('.status-line').textContent()).toContain('NASpI accolte');
    await page.waitForSelector('.chart canvas');
    await expect.poll(() => page.locator('.tiles').innerText()).toContain('15,0 %');
    const tiles = await page.locator('.tiles').innerText();
    expect(tiles).toContain('63,3 %');
    expect(tiles).toContain('4,8');
    expect(tiles).toContain('4,6');
    expect(tiles).toContain('400 lettere · 464 notifiche inviate');
    const channels = await page.locator('section[aria-label="Canali"]').innerText();
    expect(channels).toMatch(/Lettera \(QR code\)\s+400 lettere\s+36/);
    expect(channels).toMatch(/Email\s+144\s+12\s/);
    expect(channels).toMatch(/App IO \/ App INPS\s+320\s+12\s/);
    expect(channels).toMatch(/PEC\s+0\s+aperture e visualizzazioni contate in «Email»/);
    expect(await page.locator('section[aria-label="Pulsanti e pop-up"] tbody tr').count()).toBeGreaterThan(2);
    expect(await page.locator('section[aria-label="Abbandono per scena"] tbody tr').count()).toBeGreaterThan(3);
    expect(await page.locator('section[aria-label="Pulsanti e pop-up"]').innerText()).toMatch(/Come si calcola|I miei pagamenti|Comunica un nuovo lavoro/);
    expect(await page.evaluate(() => sessionStorage.getItem('videoguida.analystKey'))).toBe(api.analystKey);
    expect(urls.filter((u) => u.includes(api.analystKey))).toEqual([]);
    expect(authorized.every((u) => u.includes('/api/stats'))).toBe(true);
    await page.screenshot({ path: path.join(DOCS, 'dashboard.png'), fullPage: true });

    const csv = await exportCsv(page);
    expect(csv).toContain('viewedRate,0.15');
    expect(csv).toContain('viewsPerViewer,4.8');
    expect(csv).toContain('percento_video,visualizzazioni,quota');
    expect(csv).toContain('canale,inviati,fonte_inviati,aperti');
    expect(csv).toContain('Lettera (QR code),400,lettere (link emessi),36');
    expect(csv).toContain('App IO / App INPS,320,notifiche inviate,12');

    await page.getByLabel('Canale').selectOption('app');
    await expect.poll(() => page.locator('.tiles').innerText()).not.toContain('15,0 %');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows each campaign with its channels and links to the notifications console', async () => {
    const { api, browser } = rig;
    const { page } = await openDashboard(browser, api.url);
    await signIn(page, api.analystKey);
    await page.getByRole('button', { name: 'Campagne' }).click();
    await page.waitForSelector('.campaign');
    expect(await page.locator('.campaign').count()).toBe(2);
    const card = page.locator('.campaign', { hasText: 'NASpI accolte' });
    const text = await card.innerText();
    expect(text).toContain('400');
    expect(text).toMatch(/App IO \/ App INPS\s+320\s+12/);
    expect(text).toMatch(/Email\s+144\s+12/);
    expect(await card.locator('a[href="/console.html"]').count()).toBe(1);
    await page.screenshot({ path: path.join(DOCS, 'dashboard-campaigns.png'), fullPage: true });
    // A new tab asks for the key again: it lives in this tab's sessionStorage only.
    const other = await browser.newPage();
    await other.goto(`${api.url}/dashboard`);
    await other.getByLabel('Chiave API').waitFor();
    await other.close();
    await page.close();
  });
});
