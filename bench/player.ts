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
 *
 * Then a slow phone (issue #16): a narrated NASpI guide watched live, in a new context (empty cache),
 * with Chromium's CPU throttled (`--throttle`, 4×: CDP Emulation.setCPUThrottlingRate) on a slow
 * network (`--network fast3g`: CDP Network.emulateNetworkConditions, DevTools' "Fast 3G": 562.5 ms
 * latency, 1.44 Mbit/s down, 675 kbit/s up; `none` for no emulation). `--watch S` watches the first S
 * seconds only (the smoke run); by default the whole guide, to its end. Printed, one line each:
 *   player_audio_bytes     — bytes received for the narration (Media requests), from CDP Network
 *                            events (encodedDataLength: what crossed the network, headers included);
 *   player_page_bytes      — everything the page received from navigation to the end of the watch;
 *   player_throttled_first_frame_ms — navigation to the first frame on screen;
 *   player_throttled_fps   — distinct composition frames on screen per second of playback (sampled
 *                            at every animation frame, i.e. at each chance the browser had to paint);
 *   player_throttled_drift_ms (p95) and _max — |narration <audio>.currentTime − the time the player's
 *                            frame says| sampled every 250 ms while a scene's narration plays;
 *   player_throttled_realtime — composition frames advanced ÷ (30 × wall seconds): below 1 the
 *                            player waited (buffering) rather than dropped frames.
 * `--warm-audio` (a diagnosis): the bench asks for every narration file once before the phone does, so
 * the server has encoded it and the phone's requests answer at once.
 */
import { parseArgs } from 'node:util';
import type { CDPSession } from 'playwright-core';
import { LEAD_IN_FRAMES } from '../compositions/common/storyboard-build';
import { generateEnvelopes } from '../compositions/generator/generate';
import { storyboardOf, type Guide } from '../compositions/guide-types';
import { jsOf } from '../test/helpers/player-bundle';
import { createGuide, ensurePlayerBuilt, launchChromium, startPlayerApi } from '../test/helpers/player-env';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    watch: { type: 'string' },
    throttle: { type: 'string', default: '4' },
    network: { type: 'string', default: 'fast3g' },
    'warm-audio': { type: 'boolean', default: false },
  },
});
const runs = Math.max(1, Number(values.runs));
const throttle = Number(values.throttle);
if (!(throttle >= 1)) throw new Error(`--throttle expects a rate >= 1, got ${values.throttle}`);
if (values.network !== 'fast3g' && values.network !== 'none') throw new Error(`--network expects fast3g or none, got ${values.network}`);
const watchSeconds = values.watch === undefined ? Infinity : Number(values.watch);
if (!(watchSeconds > 0)) throw new Error(`--watch expects seconds > 0, got ${values.watch}`);
process.env.LOG_LEVEL ??= 'warn';
const say = (line: string) => process.stdout.write(`${line}\n`);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! : NaN;
};

/** DevTools' "Fast 3G" preset (bytes per second, ms). */
const FAST_3G = { offline: false, latency: 562.5, downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8, uploadThroughput: (750 * 1024 * 0.9) / 8 };

/** Bytes received per request, from CDP Network events: finished requests and cancelled ranges alike. */
function countBytes(cdp: CDPSession) {
  const requests = new Map<string, { url: string; type: string; mime: string; bytes: number; finished: boolean }>();
  const of = (id: string) => requests.get(id) ?? requests.set(id, { url: '', type: '', mime: '', bytes: 0, finished: false }).get(id)!;
  cdp.on('Network.requestWillBeSent', (e) => Object.assign(of(e.requestId), { url: e.request.url, type: e.type ?? '' }));
  cdp.on('Network.responseReceived', (e) => Object.assign(of(e.requestId), { mime: e.response.mimeType, type: e.type }));
  cdp.on('Network.dataReceived', (e) => {
    const r = of(e.requestId);
    if (!r.finished) r.bytes += e.encodedDataLength;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = of(e.requestId);
    // The final figure includes the headers; a request the page cancelled keeps what arrived.
    r.bytes = Math.max(r.bytes, e.encodedDataLength);
    r.finished = true;
  });
  const isAudio = (r: { url: string; type: string; mime: string }) => r.type === 'Media' || r.mime.startsWith('audio/') || r.url.includes('/narration/');
  return {
    totals() {
      const all = [...requests.values()];
      const audio = all.filter(isAudio);
      const perFile = new Map<string, { requests: number; bytes: number }>();
      for (const r of audio) {
        const f = perFile.get(r.url) ?? perFile.set(r.url, { requests: 0, bytes: 0 }).get(r.url)!;
        f.requests += 1;
        f.bytes += r.bytes;
      }
      const audioDetail = [...perFile].map(([url, f]) => `${url.slice(url.lastIndexOf('/') + 1)} ${f.requests}× ${f.bytes} B`).join(', ');
      const byType = new Map<string, number>();
      for (const r of all) byType.set(r.type || 'Other', (byType.get(r.type || 'Other') ?? 0) + r.bytes);
      const typeDetail = [...byType]
        .sort((a, b) => b[1] - a[1])
        .map(([type, n]) => `${type} ${n} B`)
        .join(', ');
      return {
        page: all.reduce((a, r) => a + r.bytes, 0),
        audio: audio.reduce((a, r) => a + r.bytes, 0),
        requests: all.length,
        audioRequests: audio.length,
        audioFiles: perFile.size,
        audioDetail,
        typeDetail,
      };
    },
  };
}

interface Sample {
  t: number;
  frame: number;
  playing: boolean;
  audios: { src: string; paused: boolean; muted: boolean; time: number }[];
}
declare const window: {
  __videoguida: { playback: { getCurrentFrame(): number; isPlaying(): boolean } };
  __bench?: { ticks: number; frames: number; firstAdvance: number | null; last: number; lastFrame: number; samples: Sample[]; stop: boolean };
};

// Plain JavaScript for the page (tsx would name the inner functions with a helper the page lacks).
const SAMPLER = `(() => {
  const b = { ticks: 0, frames: 0, firstAdvance: null, last: 0, lastFrame: -1, samples: [], stop: false };
  window.__bench = b;
  const pb = window.__videoguida.playback;
  const tick = (t) => {
    if (b.stop) return;
    const f = pb.getCurrentFrame();
    if (pb.isPlaying() && f !== b.lastFrame) {
      if (b.lastFrame >= 0 && b.firstAdvance === null) b.firstAdvance = t;
      if (b.firstAdvance !== null) b.frames += 1;
      b.last = t;
    }
    b.lastFrame = f;
    b.ticks += 1;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  setInterval(() => {
    if (b.stop) return;
    b.samples.push({
      t: performance.now(),
      frame: pb.getCurrentFrame(),
      playing: pb.isPlaying(),
      audios: [...document.querySelectorAll('audio')].map((a) => ({ src: a.src, paused: a.paused, muted: a.muted, time: a.currentTime })),
    });
  }, 250);
})()`;

/**
 * One narrated NASpI guide watched live on a throttled CPU and network, from navigation to the end of
 * the watch: bytes, first frame, frames on screen per second, audio/video drift.
 */
async function slowPhone(
  browser: Awaited<ReturnType<typeof launchChromium>>,
  api: Awaited<ReturnType<typeof startPlayerApi>>,
  g: { qr: string; token: string },
) {
  const m = (await (await fetch(`${api.url}/api/access/${g.token}/narrated`)).json()) as {
    guide: Guide;
    narration: { frames: Record<string, number>; audio: Record<string, string> };
  };
  const sb = storyboardOf(m.guide, { narrationFrames: m.narration.frames });
  if (values['warm-audio']) for (const url of Object.values(m.narration.audio)) await (await fetch(`${api.url}${url}`)).arrayBuffer();
  const lastFrame = Math.min(sb.durationInFrames - 1, Number.isFinite(watchSeconds) ? Math.round(watchSeconds * sb.fps) : Infinity);
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  if (values.network === 'fast3g') await cdp.send('Network.emulateNetworkConditions', FAST_3G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const bytes = countBytes(cdp);
  try {
    await page.goto(g.qr);
    await page.waitForFunction(() => document.documentElement.dataset.firstFrame, null, { timeout: 120_000 });
    const firstFrameMs = Number(await page.evaluate(() => document.documentElement.dataset.firstFrame));
    const beforeFirstFrame = bytes.totals();
    // The sampler: every animation frame, whether the composition shows a frame it had not shown at the
    // previous one; every 250 ms, the frame and the <audio> elements read in one task.
    await page.evaluate(SAMPLER);
    const startFrame = await page.evaluate(() => window.__videoguida.playback.getCurrentFrame());
    await page.locator('.vg-bigplay').click();
    const timeout = Math.max(120_000, ((lastFrame - startFrame) / sb.fps) * 4000);
    await page.waitForFunction(() => window.__videoguida.playback.isPlaying(), null, { timeout: 60_000 });
    // Until the watch's last frame, or until the player stops playing on its own (reported, not waited for).
    await page.waitForFunction((n) => window.__videoguida.playback.getCurrentFrame() >= n || !window.__videoguida.playback.isPlaying(), lastFrame, {
      timeout,
      polling: 500,
    });
    const b = await page.evaluate(() => {
      const x = window.__bench!;
      x.stop = true;
      return {
        frames: x.frames,
        firstAdvance: x.firstAdvance,
        last: x.last,
        ticks: x.ticks,
        samples: x.samples,
        endFrame: window.__videoguida.playback.getCurrentFrame(),
        stopped: !window.__videoguida.playback.isPlaying(),
      };
    });
    // A moment for the requests in flight to finish counting is not needed: bytes that arrived are counted as they arrive.
    const t = bytes.totals();
    const seconds = (b.last - b.firstAdvance!) / 1000;
    const signed: number[] = [];
    const perScene = new Map<string, number[]>();
    let silent = 0;
    for (const s of b.samples) {
      if (!s.playing) continue;
      const scene = sb.scenes.find((x) => s.frame >= x.from && s.frame < x.from + x.durationInFrames);
      const url = scene && m.narration.audio[scene.id];
      if (!scene || !url) continue;
      const expected = (s.frame - scene.from - LEAD_IN_FRAMES) / sb.fps;
      // Inside the scene's narration only (after the lead-in, before its clip's measured end).
      if (expected < 0.25 || s.frame >= scene.from + LEAD_IN_FRAMES + (m.narration.frames[scene.id] ?? 0) - 8) continue;
      const a = s.audios.find((x) => x.src.endsWith(url) && !x.paused && !x.muted);
      if (!a) silent += 1;
      else {
        signed.push((a.time - expected) * 1000);
        (perScene.get(scene.id) ?? perScene.set(scene.id, []).get(scene.id)!).push((a.time - expected) * 1000);
      }
    }
    const drifts = signed.map(Math.abs);
    // The narration's own clock against the page's: audio seconds played per wall second, over
    // consecutive samples of one clip with no seek between them (a rate far from 1 is a seek).
    let audioSpan = 0;
    let wallSpan = 0;
    let audioStalls = 0;
    let audioLostMs = 0;
    for (let i = 1; i < b.samples.length; i++) {
      const [p, q] = [b.samples[i - 1]!, b.samples[i]!];
      const ap = p.audios.find((x) => !x.paused && !x.muted);
      const aq = ap && q.audios.find((x) => x.src === ap.src && !x.paused && !x.muted);
      if (!ap || !aq || !p.playing || !q.playing) continue;
      const rate = (aq.time - ap.time) / ((q.t - p.t) / 1000);
      const frames = (q.frame - p.frame) / sb.fps / ((q.t - p.t) / 1000);
      // The narration stood still (or nearly) while the player's frame went on: time the audio lost.
      if (rate < 0.7 && rate >= 0 && frames > 0.7) {
        audioStalls += 1;
        audioLostMs += (q.t - p.t) * (frames - rate);
      }
      if (Math.abs(rate - 1) > 0.3) continue;
      audioSpan += aq.time - ap.time;
      wallSpan += (q.t - p.t) / 1000;
    }
    const frameRate = (b.endFrame - startFrame) / sb.fps / seconds;
    const sceneDrift = [...perScene]
      .map(([id, d]) => `${id} ${Math.round(median(d))} (${Math.round(Math.min(...d))}…${Math.round(Math.max(...d))})`)
      .join(', ');
    return {
      firstFrameMs,
      ...t,
      signed,
      sceneDrift,
      audioClock: audioSpan / wallSpan,
      frameRate,
      audioStalls,
      audioLostMs,
      stoppedAt: b.stopped && b.endFrame < lastFrame ? b.endFrame : null,
      beforeFirstFrame: { bytes: beforeFirstFrame.page, requests: beforeFirstFrame.requests },
      fps: (b.frames - 1) / seconds,
      realtime: (b.endFrame - startFrame) / (sb.fps * seconds),
      seconds,
      drifts,
      silent,
      ticksPerSecond: b.ticks / seconds,
      watched: (b.endFrame - startFrame) / sb.fps,
      guideSeconds: sb.durationInFrames / sb.fps,
    };
  } finally {
    await context.close();
  }
}

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

  // The slow phone, on a NASpI guide already narrated (a campaign's narration is ready before its letters).
  const [naspi] = [...generateEnvelopes('naspi', 1, 'bench-player-slow')].map((e) => ({ ...(e as object), locale: 'it' }));
  const slow = await slowPhone(browser, api, await createGuide(api, naspi));
  const conditions = `CPU ${throttle}×, network ${values.network}`;
  say(
    `# slow phone (${conditions}): watched ${slow.watched.toFixed(1)} s of a ${slow.guideSeconds.toFixed(1)} s NASpI guide in ${slow.seconds.toFixed(1)} s; ${slow.requests} requests, ${slow.audioRequests} for ${slow.audioFiles} narration files; ${slow.drifts.length} drift samples (audio minus video: median ${Math.round(median(slow.signed))} ms, from ${Math.round(Math.min(...slow.signed))} to ${Math.round(Math.max(...slow.signed))} ms), ${slow.silent} with no narration playing; ${slow.ticksPerSecond.toFixed(1)} animation frames/s`,
  );
  if (slow.stoppedAt !== null) say(`# the player stopped playing by itself at frame ${slow.stoppedAt}, before the watch's end`);
  say(`# bytes by resource type: ${slow.typeDetail}; by the first frame ${slow.beforeFirstFrame.bytes} B in ${slow.beforeFirstFrame.requests} requests`);
  say(`# narration requests: ${slow.audioDetail}`);
  say(`# drift per scene, audio minus video, median (min…max) ms: ${slow.sceneDrift}`);
  say(
    `# clocks: the narration played ${slow.audioClock.toFixed(4)} s per wall second, the player's frame advanced ${slow.frameRate.toFixed(4)} s per wall second; the narration stood still while the frame advanced in ${slow.audioStalls} of the 250 ms sample intervals, losing ${Math.round(slow.audioLostMs)} ms in all`,
  );
  say(`player_watched_s: ${slow.watched.toFixed(1)} s`);
  say(`player_audio_bytes: ${slow.audio} bytes`);
  say(`player_page_bytes: ${slow.page} bytes`);
  say(`player_throttled_first_frame_ms: ${slow.firstFrameMs} ms`);
  say(`player_throttled_fps: ${slow.fps.toFixed(1)} fps`);
  say(`player_throttled_drift_ms: ${Math.round(percentile(slow.drifts, 95))} ms`);
  say(`player_throttled_drift_max_ms: ${Math.round(Math.max(...slow.drifts))} ms`);
  say(`player_throttled_drift_median_ms: ${Math.round(median(slow.drifts))} ms`);
  say(`player_throttled_silent_samples: ${slow.silent} samples`);
  say(`player_throttled_realtime: ${slow.realtime.toFixed(2)} x`);
} finally {
  await browser.close();
  await api.close();
}
