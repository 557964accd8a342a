import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { storyboardOf, type Guide } from '../compositions/guide-types';
import { frameOf, openGuide } from './helpers/player-flow';
import { createGuide, redEnvelope, startPlayerWithBrowser, type PlayerApi } from './helpers/player-env';

process.env.LOG_LEVEL ??= 'warn';

let api: PlayerApi;
let browser: Browser;
let close: (() => Promise<void>) | undefined;
beforeAll(async () => {
  ({ api, browser, close } = await startPlayerWithBrowser({ label: 'player_delivery' }));
}, 240_000);
afterAll(() => close?.());

/** The guide's page on a phone-sized viewport, at its first frame. */
const openOnPhone = async (url: string) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  return { context, ...(await openGuide(context, url)) };
};
const sentOf = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { __videoguida: { queue: { sent: { id: string; kind: string }[] } } }).__videoguida.queue.sent);
const storedKinds = async (guideId: string) =>
  (await api.db.query<{ kind: string }>('SELECT kind FROM events WHERE guide_id = $1', [guideId])).map((r) => r.kind).sort();

describe('the rendered MP4', () => {
  it('is played once the guide is rendered, with the same overlays at the same frames', async () => {
    const g = await createGuide(api, redEnvelope('delivery-mp4'));
    const m = (await (await fetch(`${api.url}/api/access/${g.token}/narrated`)).json()) as { guide: Guide; narration: { frames: Record<string, number> } };
    const sb = storyboardOf(m.guide, { narrationFrames: m.narration.frames });
    // A stand-in for the render worker's output: the guide's length, H.264 + AAC, faststart.
    const dir = path.join(api.config.videoDir, g.id);
    fs.mkdirSync(dir, { recursive: true });
    const seconds = String(sb.durationInFrames / 30);
    execFileSync('ffmpeg', [
      '-v',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      `color=c=0x0b4f8a:s=320x180:r=30:d=${seconds}`,
      '-f',
      'lavfi',
      '-i',
      'anullsrc=r=48000:cl=mono',
      '-t',
      seconds,
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-g',
      '30',
      '-c:a',
      'aac',
      '-movflags',
      '+faststart',
      path.join(dir, 'video.mp4'),
    ]);
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', path.join(dir, 'video.mp4'), '-frames:v', '1', path.join(dir, 'poster.jpg')]);
    await api.db.query(`UPDATE guides SET status = 'ready' WHERE id = $1`, [g.id]);

    const { context, page } = await openOnPhone(g.qr);
    expect(await page.locator('.vg-picture video').getAttribute('src')).toBe(`/api/media/${g.token}/video.mp4`);
    expect(await page.locator('.vg-surface').count()).toBe(0);
    await page.locator('.vg-bigplay').click();
    await page.waitForFunction(() => (document.querySelector('.vg-picture video') as HTMLVideoElement).currentTime > 0.5);
    await page.locator('.vg-tab', { hasText: 'Capitoli' }).click();
    await page.locator('[data-scene-id="how"]').click();
    await page.locator('a[data-action-id="btn-red-online"]').waitFor({ timeout: 20_000 });
    const how = sb.scenes.find((s) => s.id === 'how')!;
    const button = how.actions.find((a) => a.id === 'btn-red-online')!;
    const frame = await frameOf(page.mainFrame());
    expect(frame).toBeGreaterThanOrEqual(how.from + button.startFrame);
    expect(frame).toBeLessThan(how.from + button.endFrame);
    const videoFrame = await page.evaluate(() => Math.floor((document.querySelector('.vg-picture video') as HTMLVideoElement).currentTime * 30));
    expect(Math.abs(videoFrame - (await frameOf(page.mainFrame())))).toBeLessThan(15);
    await context.close();
  }, 120_000);
});

describe('viewing events on a bad connection', () => {
  it('keeps events on the device while offline (under a hash of the token) and sends them when back online', async () => {
    const g = await createGuide(api, redEnvelope('delivery-offline'));
    const { context, page } = await openOnPhone(g.qr);
    await context.setOffline(true);
    await page.locator('.vg-buttons button[aria-pressed]').first().click();
    await page.locator('.vg-buttons button[aria-pressed]').first().click();
    await page.evaluate(() => (globalThis as unknown as { __videoguida: { queue: { flush(): Promise<void> } } }).__videoguida.queue.flush());
    const kept = await page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith('vg:ev:')));
    expect(kept).toHaveLength(1);
    expect(kept[0]![0]).toMatch(/^vg:ev:[0-9a-f]{16}$/);
    expect(kept[0]!.join(' ')).not.toContain(g.token);
    // view_start may have left before the connection dropped (its batch timer runs from page load).
    expect((JSON.parse(kept[0]![1]) as { kind: string }[]).map((e) => e.kind).filter((k) => k === 'captions_toggle')).toHaveLength(2);
    expect(await storedKinds(g.id)).not.toContain('captions_toggle');

    await context.setOffline(false);
    await expect.poll(() => storedKinds(g.id), { timeout: 20_000 }).toEqual(['captions_toggle', 'captions_toggle', 'view_start']);
    // Forgotten on the device once the server's answer is back (the rows are written before it).
    await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('vg:ev:')))).toEqual([]);
    expect((await sentOf(page)).map((e) => e.kind).sort()).toEqual(['captions_toggle', 'captions_toggle', 'view_start']);
    await context.close();
  }, 60_000);

  it('hands the unsent events to sendBeacon when the citizen leaves the page', async () => {
    const g = await createGuide(api, redEnvelope('delivery-beacon'));
    const { context, page } = await openOnPhone(g.qr);
    await page.locator('.vg-buttons button[aria-pressed]').first().click();
    // Leave before the batch timer: only the beacon can deliver them.
    await page.goto('about:blank');
    await expect.poll(() => storedKinds(g.id), { timeout: 20_000 }).toEqual(['captions_toggle', 'view_start']);
    await context.close();
  }, 60_000);
});
