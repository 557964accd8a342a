import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateEnvelopes } from '../compositions/generator/generate';
import { versionOf } from '../compositions/guide-types';
import { createGuidesOnce } from '../server/guides/create-guides-once';
import { prepareGuide } from '../server/guides/prepare';
import { narrationJobId } from '../server/queues';
import { ClipCache } from '../speech/clip-cache';
import { defaultEngine } from '../speech/config';
import { countingEngine } from '../speech/engine';
import { startNarrator, type RunningNarrator } from '../narrator/start';
import { REDIS_URL } from './helpers/api';
import { startNarrationApi, uploadCampaign, type NarrationApi } from './helpers/narrator-env';
import { freePort, startRedis, stopAll, waitUntil } from './helpers/services';

process.env.LOG_LEVEL ??= 'warn';

type Manifest = { narrationStatus: string; narration: { frames: Record<string, number>; audio?: Record<string, string> } | null };

const red = (seed: string, count: number) =>
  [...generateEnvelopes('red', count, seed)].map(
    (e, i) =>
      ({ ...(e as object), locale: 'it', citizen: { ...(e as { citizen: object }).citizen, givenName: `Ottavia${'abcdefghij'[i]}` } }) as Record<string, any>,
  );

describe('narration ahead of time', () => {
  let api: NarrationApi;
  let narrator: RunningNarrator;
  // The narrator's own cache and engine on the API's directory: what another process would have.
  const narratorEngine = countingEngine(defaultEngine());
  const narratorLogs: string[] = [];

  beforeAll(async () => {
    api = await startNarrationApi({ label: 'narrator' });
    const { createLogger } = await import('../server/logger');
    const logger = createLogger({ level: 'info', destination: { write: (l: string) => void narratorLogs.push(l) } });
    narrator = await startNarrator({
      config: api.config,
      db: api.db,
      logger,
      redisUrl: REDIS_URL,
      speech: { cache: new ClipCache({ dir: api.config.speech.cacheDir, engine: narratorEngine }) },
    });
  }, 120_000);
  afterAll(async () => {
    await narrator?.close();
    await api?.close();
  });

  it('narrates a lazy campaign guide created through the API; its first manifest is ready from the row, without laying the guide out', async () => {
    const envelopes = red('ahead', 3);
    const { guides: all, report } = await uploadCampaign(api, { guideType: 'red', renderPolicy: 'lazy', printDate: '2026-12-01' }, envelopes);
    expect(report).toMatchObject({ created: 3, rejected: 0 });
    expect(all).toHaveLength(3);
    // The first two are opened as the narrator left them; the third after one of its scene WAVs was lost.
    const guides = all.slice(0, 2);
    const lost = all[2]!;

    // One job per guide: ids only, deterministic id, priority by print date (as the renders').
    for (const g of guides) {
      const job = await api.narrationQueue.getJob(narrationJobId(g.id, versionOf('red')));
      expect(job?.data).toEqual({ guideId: g.id, typeVersion: versionOf('red') });
      expect(job?.opts.priority).toBeGreaterThan(0);
    }
    // The narrator does it, off the API: wait for the outcome, not for a time.
    await waitUntil(
      async () => {
        const states = await Promise.all(all.map(async (g) => (await api.narrationQueue.getJob(narrationJobId(g.id, versionOf('red'))))?.getState()));
        return states.every((s) => s === 'completed');
      },
      240_000,
      'the three narration jobs completed',
      200,
    );
    expect(narrator.totals.narrated).toBe(3);
    expect(narratorEngine.calls).toBeGreaterThan(0);
    // The timing and its scene files' names are on the rows before anybody opened a link: names only, no path.
    const rows = await api.db.query<{
      id: string;
      narration: { frames: Record<string, number> } | null;
      narration_audio: { typeVersion: string; scenes: Record<string, string> } | null;
    }>('SELECT id, narration, narration_audio FROM guides WHERE id = ANY($1::uuid[])', [all.map((g) => g.id)]);
    const stored = new Map(rows.map((r) => [r.id, r.narration_audio!]));
    for (const r of rows) {
      expect(r.narration).not.toBeNull();
      expect(r.narration_audio).toMatchObject({ typeVersion: versionOf('red') });
      expect(Object.keys(r.narration_audio!.scenes).sort()).toEqual(Object.keys(r.narration!.frames).sort());
      for (const name of Object.values(r.narration_audio!.scenes)) expect(name).toMatch(/^[0-9a-f]{64}\.wav$/);
    }

    const calls = api.engine.calls;
    const synthesized = api.cache.stats.synthesized;
    // Laying a guide out reads every sentence's clip through the API's cache: not one read means no layout ran.
    const clipReads = vi.spyOn(api.cache, 'get');
    const narratedLines = () => api.logs.filter((l) => l.includes('live narration ready') && l.includes('"source":"narrated"')).length;
    const storedLines = () => api.logs.filter((l) => l.includes('live narration ready') && l.includes('"source":"stored"')).length;
    const before = { narrated: narratedLines(), stored: storedLines() };
    for (const g of guides) {
      let t = performance.now();
      const first = (await (await fetch(`${api.url}/api/access/${g.token}`)).json()) as Manifest;
      const manifestMs = performance.now() - t;
      // Ready at the first manifest: the page plays at once, no …/narrated round trip.
      expect(first.narrationStatus).toBe('ready');
      expect(first.narration?.frames).toBeTruthy();
      expect(JSON.stringify(first)).not.toMatch(/[0-9a-f]{64}|speech-cache|\.wav"/);
      t = performance.now();
      const done = (await (await fetch(`${api.url}/api/access/${g.token}/narrated`)).json()) as Manifest;
      const narratedMs = performance.now() - t;
      expect(done.narrationStatus).toBe('ready');
      expect(done.narration!.audio).toEqual(first.narration!.audio);
      // Each scene's URL carries the first 16 hex digits of the file the row names.
      const names = stored.get(g.id)!.scenes;
      for (const [sceneId, url] of Object.entries(first.narration!.audio!))
        expect(url).toBe(`/api/media/${g.token}/narration/${sceneId}-${names[sceneId]!.slice(0, 16)}.webm`);
      // The phone's format was encoded ahead too: the first scene's Opus is on disk before it is asked for.
      const [firstScene, url] = Object.entries(done.narration!.audio!)[0]!;
      const hash = /-([0-9a-f]{16})\.webm$/.exec(url)![1]!;
      const scenes = fs.readdirSync(path.join(api.speechDir, 'scenes'));
      expect(scenes.some((f) => f.startsWith(hash) && f.endsWith('.webm'))).toBe(true);
      t = performance.now();
      const audio = await fetch(`${api.url}${url}`);
      expect(audio.status).toBe(200);
      await audio.arrayBuffer();
      const audioMs = performance.now() - t;
      // The WAV served is the very file the row names.
      const wav = await fetch(`${api.url}${url.replace(/\.webm$/, '.wav')}`);
      expect(wav.status).toBe(200);
      expect(Buffer.from(await wav.arrayBuffer()).equals(fs.readFileSync(path.join(api.speechDir, 'scenes', names[firstScene]!)))).toBe(true);
      process.stdout.write(
        `narrator test: manifest ${manifestMs.toFixed(0)} ms, narrated ${narratedMs.toFixed(0)} ms, first scene audio ${audioMs.toFixed(0)} ms\n`,
      );
      // Tens of milliseconds on an idle machine; bounds with room for the shared, loaded one.
      expect(manifestMs).toBeLessThan(1000);
      expect(narratedMs).toBeLessThan(2000);
    }
    // Nothing synthesised by the API: not one engine call, not one new clip, and no layout at all.
    expect(api.engine.calls).toBe(calls);
    expect(api.cache.stats.synthesized).toBe(synthesized);
    expect(clipReads).not.toHaveBeenCalled();
    expect(narratedLines()).toBe(before.narrated);
    expect(storedLines()).toBe(before.stored + guides.length);

    // A stored scene file gone from this host's disk (purged, another host's directory): the row is not
    // trusted, the guide is narrated as before (from the cached clips), the file comes back and plays.
    const others = new Set(guides.flatMap((g) => Object.values(stored.get(g.id)!.scenes)));
    const [lostScene, lostName] = Object.entries(stored.get(lost.id)!.scenes).find(([, name]) => !others.has(name))!;
    const lostFile = path.join(api.speechDir, 'scenes', lostName);
    fs.rmSync(lostFile);
    const first = (await (await fetch(`${api.url}/api/access/${lost.token}`)).json()) as Manifest;
    expect(first.narrationStatus).toBe('pending');
    const done = (await (await fetch(`${api.url}/api/access/${lost.token}/narrated`)).json()) as Manifest;
    expect(done.narrationStatus).toBe('ready');
    expect(clipReads).toHaveBeenCalled();
    expect(narratedLines()).toBe(before.narrated + 1);
    expect(fs.existsSync(lostFile)).toBe(true);
    const lostUrl = done.narration!.audio![lostScene]!;
    expect(lostUrl).toBe(`/api/media/${lost.token}/narration/${lostScene}-${lostName.slice(0, 16)}.webm`);
    const played = await fetch(`${api.url}${lostUrl.replace(/\.webm$/, '.wav')}`);
    expect(played.status).toBe(200);
    expect(Buffer.from(await played.arrayBuffer()).equals(fs.readFileSync(lostFile))).toBe(true);
    // Laid out again from the narrator's clips: still nothing synthesised by the API.
    expect(api.engine.calls).toBe(calls);
    clipReads.mockRestore();
    // Ids only in the narrator's lines: no name, no fiscal code.
    const text = narratorLogs.join('');
    for (const e of envelopes) {
      expect(text).not.toContain(e.citizen.givenName);
      expect(text).not.toContain(e.citizen.familyName);
      expect(text).not.toContain(e.citizen.fiscalCode);
    }
  }, 300_000);

  it('queues no narration for an eager campaign (its render narrates) and one for the lazy intake', async () => {
    const { guides } = await uploadCampaign(api, { guideType: 'red', renderPolicy: 'eager' }, red('eager', 1));
    expect(await api.narrationQueue.getJob(narrationJobId(guides[0]!.id, versionOf('red')))).toBeUndefined();

    const ctx = {
      config: api.config,
      db: api.db,
      secrets: { fiscalCodeHmacKey: 'h'.repeat(40), tokenSecret: 's'.repeat(40) },
      renderQueue: undefined as never,
      narrationQueue: api.narrationQueue,
      logger: api.logger,
    };
    const [e] = red('intake', 1);
    const [outcome] = await createGuidesOnce(ctx, [{ messageId: 'm-1', prepared: prepareGuide(e as never, 'h'.repeat(40)), notify: false }], {
      source: 'narrator-test',
      render: 'lazy',
    });
    expect(outcome!.outcome).toBe('created');
    const job = await api.narrationQueue.getJob(narrationJobId(outcome!.guideId!, versionOf('red')));
    expect(job?.data).toEqual({ guideId: outcome!.guideId, typeVersion: versionOf('red') });
    // Event-triggered: first in the narrator's queue.
    expect(job?.opts.priority ?? 0).toBe(0);
  }, 120_000);
});

describe('narration ahead with its Redis unavailable', () => {
  let api: NarrationApi;
  let never: NarrationApi;
  beforeAll(async () => {
    // The narration queue on a Redis of its own, which dies once the API is up (the shared one stays).
    const redis = await startRedis();
    api = await startNarrationApi({ label: 'narrator_down', narrationRedisUrl: redis.url });
    await api.narrationQueue.waitUntilReady();
    await redis.kill();
    // And one whose Redis never answered at all.
    never = await startNarrationApi({ label: 'narrator_never', narrationRedisUrl: `redis://127.0.0.1:${await freePort()}` });
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    await never?.close();
    await stopAll();
  });

  it('creates the guides when the narration queue never connected (the enqueue is bounded)', async () => {
    const started = performance.now();
    const { guides, report } = await uploadCampaign(never, { guideType: 'red', renderPolicy: 'lazy' }, red('never', 1));
    expect(report).toMatchObject({ created: 1, rejected: 0 });
    expect(guides).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(never.logs.some((l) => l.includes('narration enqueue failed'))).toBe(true);
  }, 60_000);

  it('still creates every guide, logs a warning with ids only, and the API narrates at first access', async () => {
    const envelopes = red('down', 2);
    const started = performance.now();
    const { guides, report, campaignId } = await uploadCampaign(api, { guideType: 'red', renderPolicy: 'lazy' }, envelopes);
    const uploadMs = performance.now() - started;
    expect(report).toMatchObject({ created: 2, rejected: 0 });
    expect(guides).toHaveLength(2);
    // Bounded by the queue client's command timeout, not hung.
    expect(uploadMs).toBeLessThan(30_000);
    const warning = api.logs.find((l) => l.includes('narration enqueue failed'));
    expect(warning).toBeDefined();
    expect(JSON.parse(warning!)).toMatchObject({ campaignId, guides: 2 });
    const text = api.logs.join('');
    for (const e of envelopes) {
      expect(text).not.toContain(e.citizen.givenName);
      expect(text).not.toContain(e.citizen.fiscalCode);
    }
    // A lost job is harmless: the API narrates at first access, as before.
    const g = guides[0]!;
    expect(((await (await fetch(`${api.url}/api/access/${g.token}`)).json()) as Manifest).narrationStatus).toBe('pending');
    const done = (await (await fetch(`${api.url}/api/access/${g.token}/narrated`)).json()) as Manifest;
    expect(done.narrationStatus).toBe('ready');
    expect(api.engine.calls).toBeGreaterThan(0);
  }, 180_000);
});
