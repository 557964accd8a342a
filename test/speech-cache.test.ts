import { mkdtemp, readdir, rm, stat, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '../compositions/common/locale';
import { splitSentences } from '../compositions/common/sentences';
import { generateEnvelopes } from '../compositions/generator/generate';
import { envelopeSchema, guideSchema, storyboardOf, type Guide, publicPart } from '../compositions/guide-types';
import { ClipCache } from '../speech/clip-cache';
import { defaultEngine } from '../speech/config';
import { countingEngine, type SpeechEngine } from '../speech/engine';
import { espeakEngine } from '../speech/espeak';
import { narrateGuide } from '../speech/narrate';
import { speakable } from '../speech/speakable';

function guides(type: 'red' | 'auu', count: number, seed: string, locale: Locale): Guide[] {
  return [...generateEnvelopes(type, count, seed)].map((e) => guideSchema.parse(publicPart(envelopeSchema.parse({ ...e, locale }) as never)));
}

/** What the guide speaks, sentence by sentence, as the engine receives it. */
const spokenSentences = (g: Guide): string[] => storyboardOf(g).scenes.flatMap((s) => splitSentences(s.narration[g.locale]).map((t) => speakable(t, g.locale)));

// Keep the per-guide info lines out of the test output.
process.env.LOG_LEVEL ??= 'warn';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'speech-cache-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('clip cache', () => {
  it('synthesises a clip once for concurrent requests, then serves it from disk', async () => {
    const engine = countingEngine(espeakEngine());
    const cache = new ClipCache({ dir: path.join(dir, 'once'), engine });
    const req = { text: 'Grazie per averci seguito.', locale: 'it', voice: 'F' } as const;
    const clips = await Promise.all([cache.get(req), cache.get(req), cache.get(req)]);
    expect(engine.calls).toBe(1);
    expect(clips.filter((c) => c.fresh)).toHaveLength(1);
    expect(new Set(clips.map((c) => c.key)).size).toBe(1);

    // Another process (here: another cache object) finds the file: no synthesis, same samples.
    const again = await new ClipCache({ dir: path.join(dir, 'once'), engine }).get(req);
    expect(engine.calls).toBe(1);
    expect(again.pcm.equals(clips[0]!.pcm)).toBe(true);
    // Writes are atomic: no temporary file is left behind.
    const files = await readdir(path.dirname(again.path));
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps its clips within its byte bound, evicting the least recently used first', async () => {
    const engine = countingEngine(espeakEngine());
    const req = (text: string) => ({ text, locale: 'it', voice: 'F' }) as const;
    const [a, b, c] = [req('Il primo passo.'), req('Il secondo passo.'), req('Il terzo passo.')];
    // The clips' sizes on disk, from an unbounded cache with the same engine (deterministic).
    const sizes = new ClipCache({ dir: path.join(dir, 'sizes'), engine });
    const bytes = await Promise.all([a, b, c].map(async (r) => (await stat((await sizes.get(r)).path)).size));
    const bound = bytes[0]! + bytes[1]! + bytes[2]! - 1;

    const cache = new ClipCache({ dir: path.join(dir, 'bounded'), engine, maxBytes: bound });
    const age = async (r: ReturnType<typeof req>, minutes: number) => {
      const t = new Date(Date.now() - minutes * 60_000);
      await utimes(cache.pathOf(cache.keyOf(r)), t, t);
    };
    await cache.get(a);
    await cache.get(b);
    await age(a, 10);
    await age(b, 5);
    // a is the oldest, but hearing it again makes b the least recently used.
    expect((await cache.get(a)).fresh).toBe(false);
    await cache.get(c);
    expect(cache.totalBytes()).toBeLessThanOrEqual(bound);
    const kept = async (r: ReturnType<typeof req>) => (await readdir(path.dirname(cache.pathOf(cache.keyOf(r))))).includes(`${cache.keyOf(r)}.wav`);
    expect([await kept(a), await kept(b), await kept(c)]).toEqual([true, false, true]);
    // An evicted clip is synthesised again on its next request.
    const calls = engine.calls;
    expect((await cache.get(b)).fresh).toBe(true);
    expect(engine.calls).toBe(calls + 1);
  });

  it('keys clips by engine, voice, locale and text', () => {
    const a = new ClipCache({ dir, engine: espeakEngine() });
    const b = new ClipCache({ dir, engine: defaultEngine() });
    const base = { text: 'Ciao.', locale: 'it', voice: 'F' } as const;
    const keys = [a.keyOf(base), a.keyOf({ ...base, voice: 'M' }), a.keyOf({ ...base, locale: 'en' }), a.keyOf({ ...base, text: 'Ciao!' }), b.keyOf(base)];
    expect(new Set(keys).size).toBe(keys.length);
    // Routing engines key by the engine that speaks: the English clips of the default engine are espeak's.
    expect(b.keyOf({ ...base, locale: 'en' })).toBe(a.keyOf({ ...base, locale: 'en' }));
  });

  it('limits concurrent syntheses', async () => {
    let running = 0;
    let most = 0;
    const inner = espeakEngine();
    const slow: SpeechEngine = {
      id: 'slow',
      async synthesize(r) {
        running += 1;
        most = Math.max(most, running);
        await new Promise((res) => setTimeout(res, 30));
        running -= 1;
        return inner.synthesize(r);
      },
    };
    const cache = new ClipCache({ dir: path.join(dir, 'limit'), engine: slow, concurrency: 2 });
    await Promise.all(['Uno.', 'Due.', 'Tre.', 'Quattro.', 'Cinque.'].map((text) => cache.get({ text, locale: 'it', voice: 'F' })));
    expect(most).toBe(2);
  });

  // The types the other tests do not narrate, in both locales (eSpeak NG keeps this quick).
  it.each([
    ['naspi', 'it'],
    ['pensione', 'it'],
    ['sfl', 'it'],
    ['invalidita', 'it'],
    ['pensione', 'en'],
    ['invalidita', 'en'],
  ] as const)('narrates a %s guide (%s): every sentence spoken and timed', async (type, locale) => {
    const cache = new ClipCache({ dir: path.join(dir, 'all'), engine: espeakEngine() });
    const [g] = [...generateEnvelopes(type, 1, 'all-types')].map((e) => guideSchema.parse(publicPart(envelopeSchema.parse({ ...e, locale }) as never)));
    const n = await narrateGuide(g!, { cache });
    expect(n.stats.sentences).toBe(spokenSentences(g!).length);
    for (const scene of n.scenes) {
      expect(scene.sentences.length).toBeGreaterThan(0);
      for (const s of scene.sentences) {
        expect(s.endFrame).toBeGreaterThan(s.startFrame + 10);
        expect(s.speech).not.toMatch(/\d/);
      }
    }
  });

  it.each([
    ['red', 'it'],
    ['auu', 'en'],
  ] as const)("a second citizen's %s guide (%s) synthesises only the personal sentences", async (type, locale) => {
    // Two citizens in the same situation (the generator walks the edge cases in turn: consecutive
    // citizens are in different ones), as in a campaign: one type of block, one kind of case.
    const all = guides(type, 40, `cache-${type}`, locale);
    const situation = (g: Guide) =>
      g.type === 'auu' ? `${g.benefit.blockReason}:${g.benefit.ibanProblem ?? ''}:${g.benefit.iseeCents === null}` : g.type === 'red' ? g.benefit.campaign : '';
    const first = all[0]!;
    const second = all.slice(1).find((g) => situation(g) === situation(first))!;
    const engine = countingEngine(defaultEngine());
    const cache = new ClipCache({ dir: path.join(dir, `${type}-${locale}`), engine });

    const one = await narrateGuide(first!, { cache });
    const firstSentences = spokenSentences(first!);
    expect(engine.calls).toBe(new Set(firstSentences).size);
    expect(one.stats.sentences).toBe(firstSentences.length);

    const before = engine.calls;
    const two = await narrateGuide(second!, { cache });
    const known = new Set(firstSentences);
    const personal = new Set(spokenSentences(second!).filter((s) => !known.has(s)));
    expect(engine.calls - before).toBe(personal.size);
    expect(two.stats.synthesized).toBe(personal.size);
    // The sentences of scenes that depend on no data were all shared.
    const shared = storyboardOf(second!).scenes.filter((s) => s.deps.length === 0 || (type === 'auu' && s.deps.every((d) => d === 'citizen.gender')));
    for (const scene of shared) expect(two.scenes.find((s) => s.sceneId === scene.id)!.sentences.every((x) => !x.fresh)).toBe(true);
    expect(personal.size).toBeGreaterThan(0);
    expect(personal.size).toBeLessThan(two.stats.sentences / 2);

    // The same envelope narrated again: nothing synthesised, identical timing.
    const again = await narrateGuide(second!, { cache });
    expect(engine.calls - before).toBe(personal.size);
    expect(again.track).toEqual(two.track);
    expect(again.storyboard.durationInFrames).toBe(two.storyboard.durationInFrames);
  });
});
