import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEnvelopes } from '../compositions/generator/generate';
import { defaultEngine } from '../speech/config';
import type { SpeechEngine } from '../speech/engine';
import { createGuide, startPlayerApi, type PlayerApi } from './helpers/player-env';

process.env.LOG_LEVEL ??= 'warn';

// One engine for the file, counting its calls, that can be made to fail (a broken speech service).
const real = defaultEngine();
let calls = 0;
let broken = false;
const engine: SpeechEngine = {
  id: real.id,
  idFor: real.idFor?.bind(real),
  synthesize(request) {
    calls += 1;
    // The message quotes the sentence, as a real engine's might: it must not reach the logs.
    if (broken) return Promise.reject(new Error(`engine refused "${request.text}"`));
    return real.synthesize(request);
  },
};

let api: PlayerApi;
beforeAll(async () => {
  api = await startPlayerApi({ label: 'player_narration', engine });
}, 120_000);
afterAll(async () => {
  await api?.close();
});

const envelope = (seed: string, givenName = 'Ottavia') => {
  const e = [...generateEnvelopes('red', 1, seed)][0] as Record<string, any>;
  return { ...e, locale: 'it', citizen: { ...e.citizen, givenName } };
};
const get = (p: string, init?: RequestInit) => fetch(`${api.url}${p}`, init);
type NarratedManifest = {
  narrationStatus: string;
  durationInFrames: number;
  narration: { frames: Record<string, number>; sentences: Record<string, { text: string }[]>; audio?: Record<string, string> } | null;
  media: { audio: string } | null;
};

describe('live narration on the access path', () => {
  it('narrates once for concurrent first accesses, then serves the scene WAVs (Range, private cache, content-addressed)', async () => {
    const g = await createGuide(api, envelope('narr-once'));
    const before = calls;
    const first = (await (await get(`/api/access/${g.token}`)).json()) as NarratedManifest;
    expect(first.narrationStatus).toBe('pending');
    const all = (await Promise.all(
      [...Array(6)].map((_, i) => get(`/api/access/${g.token}${i % 2 ? '/narrated' : ''}`).then((r) => r.json())),
    )) as NarratedManifest[];
    const done = (await (await get(`/api/access/${g.token}/narrated`)).json()) as NarratedManifest;
    expect(done.narrationStatus).toBe('ready');
    const sentences = new Set(
      Object.values(done.narration!.sentences)
        .flat()
        .map((s) => s.text),
    );
    // One narration for the guide (the clip cache alone would hide a second one from the engine count).
    expect(api.logs.filter((l) => l.includes('live narration ready') && l.includes(g.id))).toHaveLength(1);
    expect(calls - before).toBe(sentences.size);
    for (const m of all.filter((x) => x.narrationStatus === 'ready')) expect(m.narration).toEqual(done.narration);

    // Stored on the guide: the timeline the renderer and the stats will use too.
    const [row] = await api.db.query<{ narration: unknown; duration_frames: number }>('SELECT narration, duration_frames FROM guides WHERE id = $1', [g.id]);
    expect(row!.duration_frames).toBe(done.durationInFrames);
    expect(row!.narration).toMatchObject({ frames: done.narration!.frames });

    // Listed as Opus in WebM; the same scene as AAC (fallback) and WAV under the same content hash.
    const url = Object.values(done.narration!.audio!)[0]!;
    expect(url).toMatch(new RegExp(`^/api/media/${g.token}/narration/[a-z0-9-]+-[0-9a-f]{16}\\.webm$`));
    const wavUrl = url.replace(/\.webm$/, '.wav');
    const whole = await get(wavUrl);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('audio/wav');
    expect(whole.headers.get('cache-control')).toBe('private, max-age=86400, immutable');
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    const bytes = Buffer.from(await whole.arrayBuffer());
    expect(bytes.subarray(0, 4).toString()).toBe('RIFF');
    const part = await get(wavUrl, { headers: { range: 'bytes=44-1043' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 44-1043/${bytes.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(44, 1044))).toBe(true);
    const seconds = (bytes.length - 44) / (48_000 * 2);
    for (const [ext, type, magic, maxKbps] of [
      ['webm', 'audio/webm', '1a45dfa3', 40],
      ['m4a', 'audio/mp4', '66747970', 72],
    ] as const) {
      const [a, b] = await Promise.all([get(url.replace(/\.webm$/, `.${ext}`)), get(url.replace(/\.webm$/, `.${ext}`))]);
      expect([a.status, b.status]).toEqual([200, 200]);
      expect(a.headers.get('content-type')).toBe(type);
      const encoded = Buffer.from(await a.arrayBuffer());
      expect(encoded.equals(Buffer.from(await b.arrayBuffer()))).toBe(true);
      // EBML header for WebM; "ftyp" (at offset 4) for MP4.
      expect((ext === 'webm' ? encoded.subarray(0, 4) : encoded.subarray(4, 8)).toString('hex')).toBe(magic);
      expect((encoded.length * 8) / 1000 / seconds, `${ext} bitrate in kb/s`).toBeLessThan(maxKbps);
    }

    // A stale hash, an unknown scene, an unknown format and a revoked link all answer the same 404.
    expect((await get(url.replace(/-[0-9a-f]{16}\.webm$/, '-0000000000000000.webm'))).status).toBe(404);
    expect((await get(`/api/media/${g.token}/narration/nope-0000000000000000.wav`)).status).toBe(404);
    expect((await get(url.replace(/\.webm$/, '.mp3'))).status).toBe(404);
    await fetch(`${api.url}/api/guides/${g.id}/tokens/qr`, { method: 'DELETE', headers: { authorization: `Bearer ${api.operatorKey}` } });
    expect((await get(url)).status).toBe(404);
  }, 120_000);

  it('falls back to captions when the engine fails, and logs no personal data', async () => {
    const g = await createGuide(api, envelope('narr-broken', 'Eufrasia'));
    broken = true;
    try {
      await get(`/api/access/${g.token}`);
      const m = (await (await get(`/api/access/${g.token}/narrated`)).json()) as NarratedManifest;
      expect(m.narrationStatus).toBe('unavailable');
      expect(m.narration).toBeNull();
      // Not asked again for a while: the page and its media requests do not hammer a broken engine.
      const after = calls;
      const again = (await (await get(`/api/access/${g.token}`)).json()) as NarratedManifest;
      expect(again.narrationStatus).toBe('unavailable');
      expect(calls).toBe(after);
    } finally {
      broken = false;
    }
    const log = api.logs.join('\n');
    expect(log).toContain('live narration failed');
    expect(log).not.toContain('Eufrasia');
    expect(log).not.toContain(g.token);
  }, 60_000);

  it('lists the audio-only M4A among the media once rendered', async () => {
    const g = await createGuide(api, envelope('narr-m4a'));
    const dir = path.join(api.config.videoDir, g.id);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'audio.m4a'), Buffer.alloc(4096, 7));
    await api.db.query(`UPDATE guides SET status = 'ready' WHERE id = $1`, [g.id]);
    const m = (await (await get(`/api/access/${g.token}`)).json()) as NarratedManifest;
    expect(m.media!.audio).toBe(`/api/media/${g.token}/audio.m4a`);
    const res = await get(m.media!.audio, { headers: { range: 'bytes=0-99' } });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-type')).toBe('audio/mp4');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

describe('without a speech engine', () => {
  it('answers the manifest with narrationStatus unavailable (captions only)', async () => {
    const quiet = await startPlayerApi({ label: 'player_nospeech', engine: null });
    try {
      const g = await createGuide(quiet, envelope('no-speech'));
      const m = (await (await fetch(`${quiet.url}/api/access/${g.token}`)).json()) as NarratedManifest;
      expect(m.narrationStatus).toBe('unavailable');
      expect((await fetch(`${quiet.url}/api/media/${g.token}/narration/greeting-0000000000000000.wav`)).status).toBe(404);
    } finally {
      await quiet.close();
    }
  }, 60_000);
});
