import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { captionCues, chapters, chunkSentence, MAX_CUE_CHARS, vttTime, webvtt } from '../compositions/captions';
import { GUIDE_TYPES, type GuideType } from '../compositions/common/envelope';
import { LOCALES } from '../compositions/common/locale';
import { LEAD_IN_FRAMES, PAUSE_FRAMES } from '../compositions/common/storyboard-build';
import type { Storyboard } from '../compositions/common/storyboard-types';
import { generateEnvelopes } from '../compositions/generator/generate';
import { envelopeSchema, guideSchema, storyboardOf, type Guide, publicPart } from '../compositions/guide-types';
import { vttAsSrt } from './helpers/ffprobe';

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();

function guides(type: GuideType, n: number, seed = 'captions'): Guide[] {
  return [...generateEnvelopes(type, n, seed)].map((e) => guideSchema.parse(publicPart(envelopeSchema.parse(e))));
}

/** Each scene's cues, joined, give back its narration word for word; cues stay inside the scene. */
function expectCoverage(sb: Storyboard, locale: (typeof LOCALES)[number]): void {
  const cues = captionCues(sb, locale);
  let last = 0;
  for (const scene of sb.scenes) {
    const mine = cues.filter((c) => c.sceneId === scene.id);
    expect(norm(mine.map((c) => c.text).join(' ')), `${sb.type}/${scene.id}/${locale}`).toBe(norm(scene.narration[locale]));
    for (const c of mine) {
      expect(c.startFrame).toBeGreaterThanOrEqual(Math.max(last, scene.from));
      expect(c.endFrame).toBeGreaterThan(c.startFrame);
      expect(c.endFrame).toBeLessThanOrEqual(scene.from + scene.durationInFrames);
      for (const line of c.text.split('\n')) expect(line.length).toBeLessThanOrEqual(MAX_CUE_CHARS);
      last = c.endFrame;
    }
  }
  // In scene order: ids follow the storyboard.
  const order = [...new Set(cues.map((c) => c.sceneId))];
  expect(order).toEqual(sb.scenes.map((s) => s.id));
}

describe('captions from the storyboard', () => {
  it('cover every scene’s narration, in order, in both locales, for every type', () => {
    for (const type of GUIDE_TYPES) {
      for (const guide of guides(type, 6)) {
        const sb = storyboardOf(guide);
        for (const locale of LOCALES) expectCoverage(sb, locale);
      }
    }
  });

  it('without timings, spread speech over [lead-in, duration - pause] of each scene', () => {
    const sb = storyboardOf(guides('naspi', 1)[0]!);
    const cues = captionCues(sb);
    for (const scene of sb.scenes) {
      const mine = cues.filter((c) => c.sceneId === scene.id);
      expect(mine[0]!.startFrame).toBe(scene.from + LEAD_IN_FRAMES);
      expect(mine.at(-1)!.endFrame).toBe(scene.from + scene.durationInFrames - PAUSE_FRAMES);
      // Contiguous: no gap while the presenter speaks.
      mine.slice(1).forEach((c, i) => expect(c.startFrame).toBe(mine[i]!.endFrame));
    }
  });

  it('follow the sentence timings of the narration track when given', () => {
    const sb = storyboardOf(guides('red', 1)[0]!);
    const scene = sb.scenes[1]!;
    const sentences = {
      [scene.id]: [
        { text: 'Prima frase.', startFrame: 20, endFrame: 50 },
        { text: 'Seconda frase, più lunga.', startFrame: 60, endFrame: 110 },
      ],
    };
    const cues = captionCues(sb, sb.locale, sentences).filter((c) => c.sceneId === scene.id);
    expect(cues.map((c) => [c.startFrame - scene.from, c.endFrame - scene.from, c.text])).toEqual([
      [20, 50, 'Prima frase.'],
      [60, 110, 'Seconda frase, più lunga.'],
    ]);
    // Timings describe the storyboard's language only; the other locale is spread as usual.
    const other = sb.locale === 'it' ? 'en' : 'it';
    expect(
      norm(
        captionCues(sb, other, sentences)
          .filter((c) => c.sceneId === scene.id)
          .map((c) => c.text)
          .join(' '),
      ),
    ).toBe(norm(scene.narration[other]));
  });

  it('split long sentences evenly and never lose a word', () => {
    const long =
      'Se trovi un nuovo lavoro, comunicalo entro un mese con il servizio NASpI-Com, indicando il reddito annuo che prevedi per il resto dell’anno in corso.';
    const chunks = chunkSentence(long);
    expect(chunks.length).toBe(2);
    expect(chunks.join(' ')).toBe(long);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(MAX_CUE_CHARS);
  });

  it('write WebVTT that ffmpeg reads back cue for cue, markup escaped', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'vtt-'));
    try {
      for (const type of GUIDE_TYPES) {
        const guide = guides(type, 1, 'vtt')[0]!;
        const sb = storyboardOf(guide);
        for (const locale of LOCALES) {
          const file = path.join(dir, `${type}-${locale}.vtt`);
          const text = webvtt(sb, locale);
          expect(text.startsWith('WEBVTT')).toBe(true);
          await fs.writeFile(file, text);
          const parsed = await vttAsSrt(file);
          const cues = captionCues(sb, locale);
          expect(parsed.length).toBe(cues.length);
          parsed.forEach((p, i) => {
            expect(p.text).toBe(cues[i]!.text);
            expect(p.start).toBeCloseTo(cues[i]!.startFrame / 30, 2);
            expect(p.end).toBeCloseTo(cues[i]!.endFrame / 30, 2);
          });
        }
      }
      const sb = storyboardOf(guides('naspi', 1)[0]!);
      const hostile = { ...sb, scenes: [{ ...sb.scenes[0]!, narration: { it: 'A <b>x</b> & y --> z.', en: 'x' } }] } as Storyboard;
      const file = path.join(dir, 'hostile.vtt');
      await fs.writeFile(file, webvtt(hostile, 'it'));
      expect(webvtt(hostile, 'it')).toContain('A &lt;b&gt;x&lt;/b&gt; &amp; y --&gt; z.');
      expect((await vttAsSrt(file)).map((c) => c.text).join(' ')).toContain('y --> z.');
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('formats cue times as hh:mm:ss.mmm', () => {
    expect(vttTime(0, 30)).toBe('00:00:00.000');
    expect(vttTime(95, 30)).toBe('00:00:03.167');
    expect(vttTime(30 * 3725, 30)).toBe('01:02:05.000');
  });
});

describe('chapters', () => {
  it('are the scenes, contiguous, titled in the locale, in seconds', () => {
    for (const type of GUIDE_TYPES) {
      const sb = storyboardOf(guides(type, 1, 'chapters')[0]!);
      for (const locale of LOCALES) {
        const ch = chapters(sb, locale);
        expect(ch.map((c) => c.id)).toEqual(sb.scenes.map((s) => s.id));
        expect(ch.map((c) => c.title)).toEqual(sb.scenes.map((s) => s.title[locale]));
        expect(ch[0]!.start).toBe(0);
        ch.slice(1).forEach((c, i) => expect(c.start).toBe(ch[i]!.end));
        expect(ch.at(-1)!.end).toBeCloseTo(sb.durationInFrames / 30, 3);
      }
    }
  });
});
