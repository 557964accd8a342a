import { redType } from '../compositions/red';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { storyboardOf, type Guide } from '../compositions/guide-types';
import { citizenFlow, FLOW_KINDS, openGuide, waitFirstFrame } from './helpers/player-flow';
import { createGuide, redEnvelope, REPO, startPlayerWithBrowser, type PlayerApi } from './helpers/player-env';

process.env.LOG_LEVEL ??= 'warn';

// The short RED guide (about 90 s): a pop-up in "at-risk", then the RED online button in "how".
const RED_FLOW = {
  button: { sceneId: 'how', actionId: 'btn-red-online', service: 'red-online' as const },
  popup: { sceneId: 'at-risk', actionId: 'popup-why' },
};

let api: PlayerApi;
let browser: Browser;
let close: (() => Promise<void>) | undefined;
beforeAll(async () => {
  ({ api, browser, close } = await startPlayerWithBrowser({ label: 'player_citizen' }));
}, 240_000);
afterAll(() => close?.());

async function newContext(): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'it-IT' });
  // The institute's services are not on this machine: answer them so the new tab's navigation commits.
  await context.route('https://servizi.istituto.example/**', (r) => r.fulfill({ status: 200, contentType: 'text/html', body: '<title>servizio</title>' }));
  return context;
}

/** The narrated manifest, as the page ends up with it, and the storyboard laid out on it. */
async function narrated(token: string): Promise<{ sb: ReturnType<typeof storyboardOf>; audio: Record<string, string> }> {
  const m = (await (await fetch(`${api.url}/api/access/${token}/narrated`)).json()) as {
    guide: Guide;
    narration: { frames: Record<string, number>; audio: Record<string, string> };
  };
  return { sb: storyboardOf(m.guide, { narrationFrames: m.narration.frames }), audio: m.narration.audio };
}

async function storedEvents(guideId: string) {
  return api.db.query<{ id: string; kind: string; view_id: string }>('SELECT id, kind, view_id FROM events WHERE guide_id = $1', [guideId]);
}

async function axeViolations(frame: import('playwright-core').Frame) {
  await frame.evaluate(fs.readFileSync(path.join(REPO, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'));
  const result = await frame.evaluate(() =>
    (globalThis as unknown as { axe: { run(o: object): Promise<{ violations: { id: string; impact: string; help: string; nodes: unknown[] }[] }> } }).axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    }),
  );
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

describe('citizen page at /g/:token', () => {
  it('plays live: first frame, narration in sync, a button in its window opens the service, a pop-up pauses, rating 5; the database holds exactly the events sent', async () => {
    const guide = await createGuide(api, redEnvelope('player-e2e'));
    const context = await newContext();
    const { page, firstFrameMs, elapsedMs } = await openGuide(context, guide.qr);
    expect(firstFrameMs).toBeLessThan(elapsedMs + 1);
    expect(await page.locator('h1').textContent()).toBe(redType.title.it);

    // axe-core on the page as the citizen first sees it, then with the full text open.
    expect(await axeViolations(page.mainFrame())).toEqual([]);
    await page.locator('.vg-tab', { hasText: 'Testo completo' }).click();
    await page.locator('.vg-transcript').waitFor();
    expect(await page.locator('.vg-transcript').textContent()).toContain('usa il pulsante');
    expect(await axeViolations(page.mainFrame())).toEqual([]);
    await page.locator('.vg-tab', { hasText: 'Testo completo' }).click();

    const { sb, audio } = await narrated(guide.token);
    const sent = await citizenFlow({ page, frame: page.mainFrame(), context, storyboard: sb, audioUrls: audio, ...RED_FLOW });
    expect(await axeViolations(page.mainFrame())).toEqual([]);
    await context.close();

    const kinds = new Set(sent.map((e) => e.kind));
    for (const k of FLOW_KINDS) expect(kinds, `an event of kind ${k}`).toContain(k);
    // Exactly the events sent: same ids, one row each, one view.
    await expect.poll(async () => (await storedEvents(guide.id)).length, { timeout: 10_000 }).toBe(sent.length);
    const stored = await storedEvents(guide.id);
    expect(new Set(stored.map((e) => e.id))).toEqual(new Set(sent.map((e) => e.id)));
    expect(new Set(stored.map((e) => e.view_id)).size).toBe(1);
    expect(stored.filter((e) => e.kind === 'rating')).toHaveLength(1);
  }, 180_000);

  it('offers the audio-only version and the transcript, in English too; resumes where the citizen stopped', async () => {
    const guide = await createGuide(api, redEnvelope('player-resume'));
    const context = await newContext();
    const { page } = await openGuide(context, guide.qr);
    await page.locator('.vg-tab', { hasText: 'Solo audio' }).click();
    await page.locator('.vg-audio button[aria-pressed]').click();
    expect(await page.locator('.vg-stage.vg-audio-only').count()).toBe(1);

    await page.locator('.vg-lang').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.locator('h1').textContent()).toBe(redType.title.en);
    await page.locator('.vg-tab', { hasText: 'Full text' }).click();
    expect(await page.locator('.vg-transcript').textContent()).toContain('use the button');

    // Resume: stop in the middle, come back, the page offers to continue from there.
    const { sb } = await narrated(guide.token);
    const at = sb.scenes[2]!.from + 45;
    await page.evaluate(
      (f) => (globalThis as unknown as { __videoguida: { playback: { seekTo(n: number): void; pause(): void } } }).__videoguida.playback.seekTo(f),
      at,
    );
    await page.locator('.vg-buttons .vg-btn-primary').click();
    await page.locator('.vg-buttons .vg-btn-primary').click();
    const keys = await page.evaluate(() => Object.keys(localStorage));
    expect(keys.some((k) => /^vg:pos:[0-9a-f]{16}$/.test(k))).toBe(true);
    expect(keys.join(' ')).not.toContain(guide.token);
    await page.reload();
    await waitFirstFrame(page.mainFrame());
    const resumedAt = await page.evaluate(() =>
      (globalThis as unknown as { __videoguida: { playback: { getCurrentFrame(): number } } }).__videoguida.playback.getCurrentFrame(),
    );
    expect(Math.abs(resumedAt - at)).toBeLessThan(60);
    expect(await page.locator('.vg-bigplay').textContent()).toMatch(/Continue from \d:\d\d/);
    await context.close();
  }, 120_000);

  it("keeps the presenter still when the citizen's system asks for reduced motion", async () => {
    const guide = await createGuide(api, redEnvelope('player-motion'));
    const { sb } = await narrated(guide.token);
    const scene = sb.scenes[2]!;
    // Frames inside one non-greeting scene; the presenter stands at the left, below the brand, where
    // no layer is drawn: composition box x 0..384, y 270..720 (1280x720).
    const frames = [30, 47, 71, 103, 137].map((f) => scene.from + f).filter((f) => f < scene.from + scene.durationInFrames);
    const presenterPixels = async (reducedMotion: 'reduce' | 'no-preference') => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'it-IT', reducedMotion });
      const { page } = await openGuide(context, guide.qr);
      const box = (await page.locator('.vg-surface').boundingBox())!;
      const k = box.width / 1280;
      const shots: Buffer[] = [];
      for (const f of frames) {
        await page.evaluate((n) => (globalThis as unknown as { __videoguida: { playback: { seekTo(n: number): void } } }).__videoguida.playback.seekTo(n), f);
        await page.waitForTimeout(400);
        shots.push(await page.screenshot({ clip: { x: box.x + 4 * k, y: box.y + 280 * k, width: 370 * k, height: 430 * k } }));
      }
      await context.close();
      return shots;
    };
    const still = await presenterPixels('reduce');
    expect(still.every((b) => b.equals(still[0]!))).toBe(true);
    // The same frames move without the setting: the check above could fail.
    const moving = await presenterPixels('no-preference');
    expect(moving.some((b) => !b.equals(moving[0]!))).toBe(true);
  }, 120_000);
});
