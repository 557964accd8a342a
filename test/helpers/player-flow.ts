import { expect } from 'vitest';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { LEAD_IN_FRAMES } from '../../compositions/common/storyboard-build';
import type { Storyboard } from '../../compositions/common/storyboard-types';
import { serviceUrl } from '../../compositions/common/theme';
import { EVENT_KINDS } from '../../compositions/common/events';

/** What the page exposes on window.__videoguida (nothing personal): typed for page.evaluate. */
interface Exposed {
  firstFrameMs?: number;
  playback: { getCurrentFrame(): number; isPlaying(): boolean };
  queue: { pendingCount: number; sent: { id: string; kind: string }[]; flush(): Promise<void> };
}
declare const window: { __videoguida: Exposed };

export const frameOf = (f: Frame) => f.evaluate(() => window.__videoguida.playback.getCurrentFrame());
export const isPlaying = (f: Frame) => f.evaluate(() => window.__videoguida.playback.isPlaying());

export async function waitFirstFrame(f: Frame): Promise<number> {
  await f.waitForFunction(() => window.__videoguida?.firstFrameMs !== undefined, null, { timeout: 30_000 });
  return f.evaluate(() => window.__videoguida.firstFrameMs!);
}

/**
 * A new page of `context` on the guide at `url`, once its first frame is drawn: the page's own
 * first-frame time and the wall time from the navigation to it.
 */
export async function openGuide(context: BrowserContext, url: string): Promise<{ page: Page; firstFrameMs: number; elapsedMs: number }> {
  const page = await context.newPage();
  const started = Date.now();
  await page.goto(url);
  const firstFrameMs = await waitFirstFrame(page.mainFrame());
  return { page, firstFrameMs, elapsedMs: Date.now() - started };
}

async function waitFrameAtLeast(f: Frame, frame: number, timeout = 30_000): Promise<void> {
  await f.waitForFunction((n) => window.__videoguida.playback.getCurrentFrame() >= n && window.__videoguida.playback.isPlaying(), frame, { timeout });
}

/**
 * Issue #9: during live playback an <audio> element plays the current scene's narration WAV at the
 * narration's time (scene WAVs start LEAD_IN_FRAMES into their scene). Sampled in one evaluate.
 */
export async function expectNarrationInSync(f: Frame, sb: Storyboard, audioUrls: Record<string, string>): Promise<void> {
  const scene = sb.scenes[0]!;
  await waitFrameAtLeast(f, scene.from + LEAD_IN_FRAMES + 30);
  const sample = await f.evaluate(() => ({
    frame: window.__videoguida.playback.getCurrentFrame(),
    audios: [...document.querySelectorAll('audio')].map((a) => ({ src: a.src, paused: a.paused, time: a.currentTime, muted: a.muted })),
  }));
  const current = sb.scenes.find((s) => sample.frame >= s.from && sample.frame < s.from + s.durationInFrames)!;
  const playing = sample.audios.filter((a) => !a.paused && !a.muted && a.src.endsWith(audioUrls[current.id]!));
  expect(playing, `an unmuted <audio> playing ${audioUrls[current.id]} at frame ${sample.frame}: ${JSON.stringify(sample.audios)}`).toHaveLength(1);
  const expected = (sample.frame - current.from - LEAD_IN_FRAMES) / sb.fps;
  // In sync as the player itself defines it: Remotion re-seeks a media tag that drifts more than
  // its DEFAULT_ACCEPTABLE_TIMESHIFT (0.65 s); on an idle machine the drift measured ~0.1 s.
  expect(Math.abs(playing[0]!.time - expected)).toBeLessThan(0.7);
}

export interface FlowOptions {
  page: Page;
  frame: Frame;
  context: BrowserContext;
  storyboard: Storyboard;
  audioUrls: Record<string, string> | null;
  /** Chapter and action ids of the guide used (a RED guide in these tests). */
  button: { sceneId: string; actionId: string; service: Parameters<typeof serviceUrl>[0] };
  popup: { sceneId: string; actionId: string };
}

const windowOf = (sb: Storyboard, actionId: string) => {
  const scene = sb.scenes.find((s) => s.actions.some((a) => a.id === actionId))!;
  const a = scene.actions.find((x) => x.id === actionId)!;
  return { from: scene.from + a.startFrame, to: scene.from + a.endFrame };
};

/**
 * The citizen's path through issue #6's acceptance: play, captions off and on, a chapter jump, a
 * service button inside its window opening the right URL in a new tab, a pop-up that pauses
 * playback (Escape closes it, focus returns), a seek to the end, a rating of 5. Returns the events
 * the page says the server acknowledged.
 */
export async function citizenFlow(o: FlowOptions): Promise<{ id: string; kind: string }[]> {
  const { page, frame: f, context, storyboard: sb } = o;
  await f.locator('.vg-bigplay').click();
  if (o.audioUrls) await expectNarrationInSync(f, sb, o.audioUrls);
  else await waitFrameAtLeast(f, 20);

  // Faster from here: the rest of the flow waits for time windows.
  await f.locator('.vg-speed select').selectOption('1.5');

  const cc = f.locator('.vg-buttons button[aria-pressed]').first();
  await cc.click();
  await expect.poll(() => f.locator('[data-testid="captions"]').count()).toBe(0);
  await cc.click();
  await expect.poll(() => f.locator('[data-testid="captions"]').count()).toBe(1);

  await f.locator('.vg-tab').first().click();
  await f.locator(`[data-scene-id="${o.button.sceneId}"]`).click();
  const service = f.locator(`a[data-action-id="${o.button.actionId}"]`);
  const w = windowOf(sb, o.button.actionId);
  // The button shows when playback reaches its window: wait for that frame (a loaded machine plays
  // slower and its narration buffers longer), then for the button.
  await waitFrameAtLeast(f, w.from, 120_000);
  await service.waitFor({ state: 'visible', timeout: 20_000 });
  const at = await frameOf(f);
  expect(at).toBeGreaterThanOrEqual(w.from);
  expect(at).toBeLessThan(w.to);
  expect(await service.getAttribute('rel')).toBe('noopener noreferrer');
  const [tab] = await Promise.all([context.waitForEvent('page'), service.click()]);
  await tab.waitForURL(serviceUrl(o.button.service));
  expect(await tab.evaluate(() => [globalThis.opener === null, document.referrer])).toEqual([true, '']);
  await tab.close();

  await f.locator(`[data-scene-id="${o.popup.sceneId}"]`).click();
  const popupButton = f.locator(`button[data-action-id="${o.popup.actionId}"]`);
  await waitFrameAtLeast(f, windowOf(sb, o.popup.actionId).from, 120_000);
  await popupButton.waitFor({ state: 'visible', timeout: 20_000 });
  await popupButton.click();
  await f.locator('dialog[open]').waitFor();
  expect(await isPlaying(f)).toBe(false);
  const held = await frameOf(f);
  await page.waitForTimeout(600);
  expect(await frameOf(f)).toBe(held);
  expect(await f.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
  await page.keyboard.press('Escape');
  await f.locator('dialog[open]').waitFor({ state: 'detached' });
  expect(await f.evaluate(() => document.activeElement?.getAttribute('data-action-id'))).toBe(o.popup.actionId);
  await expect.poll(() => isPlaying(f)).toBe(true);

  // To the end with the keyboard: End on the position slider, then two steps (two seconds) back.
  await f.locator('.vg-seek input').focus();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await f.locator('.vg-rating').waitFor({ timeout: 20_000 });
  await f.locator('[data-rating="5"]').click();
  await f.locator('.vg-thanks').waitFor();

  await expect
    .poll(
      async () => {
        await f.evaluate(() => window.__videoguida.queue.flush());
        return f.evaluate(() => window.__videoguida.queue.pendingCount);
      },
      { timeout: 20_000 },
    )
    .toBe(0);
  return f.evaluate(() => window.__videoguida.queue.sent.map((e) => ({ id: e.id, kind: e.kind })));
}

/** The flow sends every kind of viewing event there is. */
export const FLOW_KINDS = EVENT_KINDS;
