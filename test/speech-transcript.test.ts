import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../compositions/common/locale';
import { generateEnvelopes } from '../compositions/generator/generate';
import { envelopeSchema, guideSchema, storyboardOf, type Guide, publicPart } from '../compositions/guide-types';
import { GUIDE_TYPES, type GuideType } from '../compositions/common/envelope';
import { SERVICE_PURPOSE, transcriptOf, transcriptText } from '../compositions/speech/transcript';

const guideOf = (type: GuideType, locale: Locale, variant = 0): Guide =>
  guideSchema.parse(publicPart(envelopeSchema.parse({ ...[...generateEnvelopes(type, variant + 1, 'transcript')][variant]!, locale }) as never));

describe('accessible transcript', () => {
  it.each([
    ['it', 'Per vedere i tuoi pagamenti, usa il pulsante «I miei pagamenti» sotto il video.'],
    ['en', 'To see your payments, use the button “My payments” under the video.'],
  ] as const)('speaks the buttons (%s)', (locale, sentence) => {
    const t = transcriptOf(storyboardOf(guideOf('naspi', locale)));
    const payments = t.sections.find((s) => s.sceneId === 'payments')!;
    expect(payments.paragraphs).toContain(sentence);
    expect(payments.buttons).toEqual([{ actionId: 'btn-payments', label: locale === 'it' ? 'I miei pagamenti' : 'My payments', service: 'naspi-payments' }]);
  });

  it.each(['it', 'en'] as const)('reads every pop-up in full (%s)', (locale) => {
    const sb = storyboardOf(guideOf('naspi', locale));
    const text = transcriptText(transcriptOf(sb));
    for (const scene of sb.scenes) {
      for (const a of scene.actions) {
        if (a.kind !== 'popup') continue;
        expect(text).toContain(a.popup.title[locale]);
        for (const p of a.popup.body) expect(text).toContain(p[locale]);
      }
    }
    expect(text).toContain(
      locale === 'it'
        ? "Il pulsante «Come si calcola» sotto il video apre l'approfondimento"
        : 'The button “How it is calculated” under the video opens the pop-up',
    );
  });

  it.each(GUIDE_TYPES.flatMap((t) => (['it', 'en'] as const).map((l) => [t, l] as const)))(
    'covers every scene and action of a %s guide (%s)',
    (type, locale) => {
      const sb = storyboardOf(guideOf(type, locale));
      const t = transcriptOf(sb);
      expect(t.sections.map((s) => s.sceneId)).toEqual(sb.scenes.map((s) => s.id));
      sb.scenes.forEach((scene, i) => {
        const section = t.sections[i]!;
        expect(section.title).toBe(scene.title[locale]);
        expect(section.startSeconds).toBe(scene.from / 30);
        expect(section.paragraphs[0]).toBe(scene.narration[locale]);
        for (const a of scene.actions) {
          const label = locale === 'it' ? `«${a.label[locale]}»` : `“${a.label[locale]}”`;
          expect(section.paragraphs.some((p) => p.includes(label))).toBe(true);
          if (a.kind === 'button') expect(section.paragraphs.join(' ')).toContain(SERVICE_PURPOSE[a.service][locale]);
        }
      });
    },
  );

  it('follows the spoken timing when given the narrated storyboard', () => {
    const g = guideOf('red', 'it');
    const frames = Object.fromEntries(storyboardOf(g).scenes.map((s) => [s.id, 600]));
    const t = transcriptOf(storyboardOf(g, { narrationFrames: frames }));
    expect(t.sections[1]!.startSeconds).toBe((12 + 600 + 30) / 30);
    expect(transcriptText(t)).toMatch(/^Introduzione \(0:00\)\n\nGentile /);
  });

  it('imports nothing from Node, so the player can bundle it', async () => {
    const source = await readFile(new URL('../compositions/speech/transcript.ts', import.meta.url), 'utf8');
    const imports = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    expect(imports.every((i) => i!.startsWith('../common/'))).toBe(true);
  });
});
