import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame } from 'playwright-core';
import { storyboardOf, type Guide } from '../compositions/guide-types';
import { citizenFlow, FLOW_KINDS, waitFirstFrame } from './helpers/player-flow';
import { createGuide, redEnvelope, REPO, startPlayerWithBrowser, type PlayerApi } from './helpers/player-env';

process.env.LOG_LEVEL ??= 'warn';

// Another site: the example host page served from a different origin (localhost vs 127.0.0.1).
const EXAMPLE = fs.readFileSync(path.join(REPO, 'docs', 'embed-example.html'), 'utf8');
let host: http.Server;
let hostUrl: string;
let api: PlayerApi;
let browser: Browser;
let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  host = http.createServer((req, res) => {
    res.writeHead(req.url?.startsWith('/embed-example.html') ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(req.url?.startsWith('/embed-example.html') ? EXAMPLE : 'not found');
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostUrl = `http://localhost:${(host.address() as AddressInfo).port}`;
  // This host may frame the player, no other.
  ({ api, browser, close } = await startPlayerWithBrowser({ label: 'player_embed', env: { EMBED_FRAME_ANCESTORS: hostUrl } }));
}, 240_000);
afterAll(async () => {
  await close?.();
  await new Promise((resolve) => host?.close(resolve));
});

async function playerFrame(page: import('playwright-core').Page): Promise<Frame> {
  const handle = await page.waitForSelector('iframe#videoguida');
  await page.waitForFunction(() => (document.querySelector('iframe#videoguida') as HTMLIFrameElement | null)?.src.includes('/embed'));
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('expected the player iframe to have a frame');
  await frame.waitForLoadState();
  return frame;
}

describe('embeddable player', () => {
  it('serves /embed framable only by the listed hosts, the token in the fragment', async () => {
    const res = await fetch(`${api.url}/embed`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-frame-options')).toBeNull();
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain(`frame-ancestors 'self' ${hostUrl}`);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    const example = await fetch(`${api.url}/embed/example`);
    expect(example.status).toBe(200);
    expect(example.headers.get('content-security-policy')).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/]+=*'/);
    // The citizen page itself stays unframable.
    const guide = await createGuide(api, redEnvelope('embed-headers'));
    expect((await fetch(guide.qr)).headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('plays the same flow inside the example host page on another site; events reach the database', async () => {
    const guide = await createGuide(api, redEnvelope('embed-e2e'));
    const context = await browser.newContext({ viewport: { width: 1024, height: 900 }, locale: 'it-IT' });
    await context.route('https://servizi.istituto.example/**', (r) => r.fulfill({ status: 200, contentType: 'text/html', body: '<title>servizio</title>' }));
    const requests: string[] = [];
    context.on('request', (r) => requests.push(r.url()));
    const page = await context.newPage();
    await page.goto(`${hostUrl}/embed-example.html#t=${guide.token}&base=${api.url}`);
    const frame = await playerFrame(page);
    await waitFirstFrame(frame);
    // The host page's own address lost its fragment; the embed's documents were fetched without the token.
    expect(page.url()).not.toContain(guide.token);
    expect(requests.filter((u) => u.includes('/embed') && u.includes(guide.token))).toEqual([]);
    // The iframe grows to the player's height (postMessage), so it never scrolls inside.
    await expect.poll(() => page.evaluate(() => (document.querySelector('iframe#videoguida') as HTMLIFrameElement).style.height)).toMatch(/px$/);

    const m = (await (await fetch(`${api.url}/api/access/${guide.token}/narrated`)).json()) as {
      guide: Guide;
      narration: { frames: Record<string, number>; audio: Record<string, string> };
    };
    const sb = storyboardOf(m.guide, { narrationFrames: m.narration.frames });
    const sent = await citizenFlow({
      page,
      frame,
      context,
      storyboard: sb,
      audioUrls: m.narration.audio,
      button: { sceneId: 'how', actionId: 'btn-red-online', service: 'red-online' },
      popup: { sceneId: 'at-risk', actionId: 'popup-why' },
    });
    await context.close();
    const kinds = new Set(sent.map((e) => e.kind));
    for (const k of FLOW_KINDS) expect(kinds, `an event of kind ${k}`).toContain(k);
    const stored = async () => api.db.query<{ id: string }>('SELECT id FROM events WHERE guide_id = $1', [guide.id]);
    await expect.poll(async () => (await stored()).length, { timeout: 10_000 }).toBe(sent.length);
    expect(new Set((await stored()).map((e) => e.id))).toEqual(new Set(sent.map((e) => e.id)));
  }, 180_000);
});
