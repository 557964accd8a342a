/**
 * npm run bench:player [-- --runs 7]
 * The citizen page's two budgets (issue #6):
 *   player_first_frame_ms  — navigation to the guide's first frame on screen (performance.now() at the
 *                            page's mark), headless Chromium on localhost, each run a new browser
 *                            context (empty cache) on a guide created just before (its narration is
 *                            synthesised while the page loads), median of the runs;
 *   player_js_gzip_kb      — the JavaScript the citizen page loads before its first frame (entry and
 *                            its static imports, from the Vite manifest), gzip.
 * Also: the same first frame for guides already narrated, the lazy chunks, and the embed's JavaScript.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateEnvelopes } from '../compositions/generator/generate';
import { jsOf } from '../test/helpers/player-bundle';
import { createGuide, ensurePlayerBuilt, launchChromium, startPlayerApi } from '../test/helpers/player-env';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' } } });
const runs = Math.max(1, Number(values.runs));
process.env.LOG_LEVEL ??= 'warn';
const say = (line: string) => process.stdout.write(`${line}\n`);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

ensurePlayerBuilt();
const api = await startPlayerApi({ label: 'bench_player' });
const browser = await launchChromium();
try {
  const envelopes = [...generateEnvelopes('naspi', runs * 2 + 1, 'bench-player')].map((e) => ({ ...(e as object), locale: 'it' }));
  const guides = [];
  for (const e of envelopes) guides.push(await createGuide(api, e));
  const [warmup, ...rest] = guides;
  const fresh = rest.slice(0, runs);
  const narrated = rest.slice(runs);
  for (const g of [warmup!, ...narrated]) await (await fetch(`${api.url}/api/access/${g.token}/narrated`)).json();

  const firstFrame = async (g: { qr: string; token: string }): Promise<number> => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(g.qr);
    await page.waitForFunction(() => document.documentElement.dataset.firstFrame, null, { timeout: 30_000 });
    const ms = Number(await page.evaluate(() => document.documentElement.dataset.firstFrame));
    await context.close();
    // Each run on a quiet server: the previous guide's synthesis must not load the next run.
    await (await fetch(`${api.url}/api/access/${g.token}/narrated`)).json();
    return ms;
  };
  await firstFrame(warmup!); // the server's and the browser's own first-time costs
  const freshMs: number[] = [];
  for (const g of fresh) freshMs.push(await firstFrame(g));
  const narratedMs: number[] = [];
  for (const g of narrated) narratedMs.push(await firstFrame(g));

  // Before the first frame: the page and the one guide type its manifest names (the largest, pensione).
  const largest = ['../compositions/pensione/index.ts'];
  const citizen = jsOf('index.html', undefined, largest);
  const embed = jsOf('embed.html', undefined, largest);
  say(`player_first_frame_ms: ${Math.round(median(freshMs))} ms`);
  say(`player_js_gzip_kb: ${(citizen.initial / 1024).toFixed(1)} KB`);
  say(`player_first_frame_narrated_ms: ${Math.round(median(narratedMs))} ms`);
  say(`player_first_frame_max_ms: ${Math.max(...freshMs, ...narratedMs)} ms`);
  say(`player_js_lazy_gzip_kb: ${(citizen.lazy / 1024).toFixed(1)} KB`);
  say(`player_embed_js_gzip_kb: ${(embed.initial / 1024).toFixed(1)} KB`);
  say(`player_runs: ${runs} runs`);
} finally {
  await browser.close();
  await api.close();
}
