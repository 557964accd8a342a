import { describe, expect, it } from 'vitest';
import { decodeToFloat, shapeClip } from '../speech/clip-audio';
import { loadConfig } from '../server/config';
import { createEngine } from '../speech/config';
import type { PresenterVoice } from '../speech/engine';
import { espeakEngine } from '../speech/espeak';
import { festivalEngine, festivalText } from '../speech/festival';
import { httpEngine } from '../speech/http-engine';
import { speakable } from '../speech/speakable';
import { SAMPLES_PER_FRAME, parseWav, pcmToWav, wavPcm } from '../speech/wav';

const IT = speakable('Gentile Nicolò, il primo pagamento di 1.234,56 € arriverà il 1 aprile 2026 sul conto che termina con 4 7 5 4.', 'it');
const EN = speakable('Dear Nicolò, your first payment of €1,234.56 will arrive on 1 April 2026.', 'en');
const syllables = (t: string) => (t.toLowerCase().match(/[aeiouàèéìíòóùy]+/g) ?? []).length;

// A calm delivery for elderly listeners: between 3 and 6 syllables a second.
function expectPlausible(audio: Buffer, durationMs: number, text: string) {
  const wav = parseWav(audio);
  expect(wav.bitsPerSample).toBe(16);
  expect(wav.channels).toBe(1);
  const seconds = durationMs / 1000;
  expect(seconds).toBeCloseTo(wav.data.length / 2 / wav.sampleRate, 3);
  const rate = syllables(text) / seconds;
  expect(rate).toBeGreaterThan(3);
  expect(rate).toBeLessThan(6);
}

describe('speech engines', () => {
  it.each([
    ['it', 'F'],
    ['it', 'M'],
    ['en', 'F'],
    ['en', 'M'],
  ] as const)('espeak-ng speaks %s with the %s voice', async (locale, voice) => {
    const text = locale === 'it' ? IT : EN;
    const r = await espeakEngine().synthesize({ text, locale, voice });
    expectPlausible(r.audio, r.durationMs, text);
  });

  it.each(['F', 'M'] as PresenterVoice[])('Festival speaks Italian with the %s diphone voice, deterministically', async (voice) => {
    const engine = festivalEngine();
    const a = await engine.synthesize({ text: IT, locale: 'it', voice });
    expectPlausible(a.audio, a.durationMs, IT);
    const b = await engine.synthesize({ text: IT, locale: 'it', voice });
    expect(b.audio.equals(a.audio)).toBe(true);
    expect(engine.idFor?.('it', voice)).toMatch(voice === 'F' ? /lp_diphone/ : /pc_diphone/);
  });

  it('Festival refuses English, and its input is kept to the alphabet its rules read', async () => {
    await expect(festivalEngine().synthesize({ text: 'Hello', locale: 'en', voice: 'F' })).rejects.toThrow(/Italian only/);
    expect(festivalText('«Zoë» – D’Amico “ok”…')).toBe("Zoe, D'Amico ok.");
    // Text that starts like an option or holds quotes is data, not a command line.
    const r = await festivalEngine().synthesize({ text: `-eval "(quit)" D'Amico`, locale: 'it', voice: 'F' });
    expect(r.durationMs).toBeGreaterThan(500);
  });

  it('the default engine routes Italian to Festival and English to espeak-ng; ids name the voice', () => {
    const speechConfig = (env: Record<string, string>) => loadConfig(env).speech;
    const engine = createEngine(speechConfig({}));
    expect(engine.idFor?.('it', 'F')).toMatch(/^festival@.*lp_diphone/);
    expect(engine.idFor?.('it', 'M')).toMatch(/^festival@.*pc_diphone/);
    expect(engine.idFor?.('en', 'F')).toMatch(/^espeak-ng@.*en-gb\+f3/);
    expect(createEngine(speechConfig({ SPEECH_ENGINE: 'espeak' })).idFor?.('it', 'F')).toMatch(/^espeak-ng@.*it\+f3/);
    expect(speechConfig({ DATA_DIR: '/srv/data' }).cacheDir).toBe('/srv/data/speech-cache');
    expect(speechConfig({ SPEECH_CACHE_DIR: '/tmp/x' }).cacheDir).toBe('/tmp/x');
    expect(() => speechConfig({ SPEECH_ENGINE: 'http' })).toThrow(/SPEECH_HTTP_URL: required/);
    expect(() => speechConfig({ SPEECH_ENGINE: 'cloud' })).toThrow(/SPEECH_ENGINE: expected default, espeak or http/);
  });

  it('shapes every clip to 48 kHz, trimmed, levelled and a whole number of frames', async () => {
    const r = await espeakEngine().synthesize({ text: IT, locale: 'it', voice: 'F' });
    const pcm = shapeClip(await decodeToFloat(r.audio));
    expect((pcm.length / 2) % SAMPLES_PER_FRAME).toBe(0);
    expect(Math.abs(pcm.length / 2 / 48 - r.durationMs)).toBeLessThan(400);
    expect(Math.abs(pcm.readInt16LE(0))).toBeLessThan(1000);
    let peak = 0;
    for (let i = 0; i < pcm.length; i += 2) peak = Math.max(peak, Math.abs(pcm.readInt16LE(i)));
    expect(peak).toBeLessThan(32767);
    expect(peak).toBeGreaterThan(8000);
    expect(wavPcm(pcmToWav(pcm)).equals(pcm)).toBe(true);
    expect(() => shapeClip(new Float32Array(48_000))).toThrow(/only silence/);
  });

  it('the HTTP engine posts JSON with a bearer key and accepts audio or JSON answers', async () => {
    const wav = (await espeakEngine().synthesize({ text: 'ciao', locale: 'it', voice: 'F' })).audio;
    const calls: { url: string; init: RequestInit }[] = [];
    const answers = [
      new Response(null, { status: 503 }),
      new Response(new Uint8Array(wav), { headers: { 'content-type': 'audio/wav' } }),
      new Response(JSON.stringify({ audio: wav.toString('base64'), words: [{ text: 'ciao', startMs: 0, endMs: 400 }] }), {
        headers: { 'content-type': 'application/json' },
      }),
      new Response('nope', { status: 401 }),
    ];
    const engine = httpEngine({
      url: 'https://tts.example/v1/speak',
      key: 'k-123',
      voices: { it: { F: 'it-female', M: 'it-male' }, en: { F: 'en-female', M: 'en-male' } },
      fetch: (async (url: string, init: RequestInit) => {
        calls.push({ url, init });
        return answers.shift()!;
      }) as unknown as typeof fetch,
    });
    const first = await engine.synthesize({ text: 'ciao', locale: 'it', voice: 'F' });
    expect(first.durationMs).toBeGreaterThan(100);
    expect(calls).toHaveLength(2); // 503 retried once
    expect((calls[1]!.init.headers as Record<string, string>).authorization).toBe('Bearer k-123');
    expect(JSON.parse(calls[1]!.init.body as string)).toEqual({ text: 'ciao', language: 'it-IT', voice: 'it-female', sampleRate: 48000 });
    const second = await engine.synthesize({ text: 'ciao', locale: 'it', voice: 'F' });
    expect(second.words).toEqual([{ text: 'ciao', startMs: 0, endMs: 400 }]);
    await expect(engine.synthesize({ text: 'ciao', locale: 'it', voice: 'F' })).rejects.toThrow(/answered 401, expected 200/);
    expect(engine.idFor?.('en', 'M')).toBe('http:tts.example@1:en-male');
  });
});
