import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GUIDE_TYPES, type GuideType } from '../compositions/common/envelope';
import { LOCALES } from '../compositions/common/locale';
import { FPS, type Storyboard } from '../compositions/common/storyboard-types';
import { generateEnvelopes } from '../compositions/generator/generate';
import { envelopeSchema, guideSchema, GUIDE_TYPE_DEFINITIONS, storyboardOf, type Guide, publicPart } from '../compositions/guide-types';

const guideOf = (type: GuideType, seed: string, i = 0): Guide => {
  const envelopes = [...generateEnvelopes(type, i + 1, seed)];
  return guideSchema.parse(publicPart(envelopeSchema.parse(envelopes[i])));
};

function get(obj: any, path: string): any {
  return path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), obj);
}
function set(obj: any, path: string, value: unknown): void {
  const keys = path.split('.');
  let o = obj;
  for (const k of keys.slice(0, -1)) o = o[k] ??= {};
  if (value === undefined) delete o[keys.at(-1)!];
  else o[keys.at(-1)!] = structuredClone(value);
}

function checkStoryboardShape(sb: Storyboard) {
  let from = 0;
  const actionIds = new Set<string>();
  expect(sb.fps).toBe(FPS);
  for (const scene of sb.scenes) {
    expect(scene.from).toBe(from);
    expect(Number.isInteger(scene.durationInFrames) && scene.durationInFrames > 0).toBe(true);
    for (const locale of LOCALES) {
      expect(scene.narration[locale].trim().length, `${scene.id} narration ${locale}`).toBeGreaterThan(20);
      expect(scene.title[locale].trim().length).toBeGreaterThan(0);
    }
    for (const a of scene.actions) {
      expect(a.startFrame, `${scene.id}/${a.id}`).toBeGreaterThanOrEqual(0);
      expect(a.endFrame).toBeGreaterThan(a.startFrame);
      expect(a.endFrame).toBeLessThanOrEqual(scene.durationInFrames);
      expect(actionIds.has(a.id), `action id ${a.id} repeated`).toBe(false);
      actionIds.add(a.id);
      for (const locale of LOCALES) expect(a.label[locale].length).toBeGreaterThan(0);
    }
    if (scene.kind === 'services') for (const item of scene.content.items) expect(scene.actions.map((a) => a.id)).toContain(item.actionId);
    from += scene.durationInFrames;
  }
  expect(sb.durationInFrames).toBe(from);
}

describe.each(GUIDE_TYPES)('guide type %s', (type) => {
  const def = GUIDE_TYPE_DEFINITIONS[type];

  it('10,000 generated envelopes validate', () => {
    let n = 0;
    for (const e of generateEnvelopes(type, 10_000, `bulk-${type}`)) {
      const r = envelopeSchema.safeParse(e);
      if (!r.success) throw new Error(`envelope ${n} invalid: ${JSON.stringify(r.error.issues)}`);
      n++;
    }
    expect(n).toBe(10_000);
  });

  it('generation is reproducible from the seed', () => {
    expect([...generateEnvelopes(type, 50, 'repro')]).toEqual([...generateEnvelopes(type, 50, 'repro')]);
    expect([...generateEnvelopes(type, 5, 'a')]).not.toEqual(type === 'sfl' ? null : [...generateEnvelopes(type, 5, 'b')]);
  });

  it('storyboards are deterministic, contiguous, bilingual, with actions inside their scenes', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.nat(40), fc.constantFrom(...LOCALES), (seed, i, locale) => {
        const g = { ...guideOf(type, seed, i), locale };
        const a = storyboardOf(g);
        const b = storyboardOf(structuredClone(g));
        expect(b).toEqual(a);
        expect(a.version).toBe(def.version);
        checkStoryboardShape(a);
      }),
      { numRuns: 60 },
    );
  });

  it("a scene's content depends only on the fields it lists", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), fc.nat(20), (s1, s2, i) => {
        const a = guideOf(type, `A${s1}`, i);
        const b = guideOf(type, `B${s2}`, i);
        const sbB = storyboardOf(b);
        for (const scene of sbB.scenes) {
          const c: any = structuredClone(a);
          c.locale = b.locale;
          for (const dep of scene.deps) set(c, dep, get(b, dep));
          const twin = storyboardOf(c).scenes.find((s) => s.id === scene.id);
          if (!twin) continue; // the scene exists only for some data; its presence is a dep of the guide, not the scene
          const { from: _f1, ...x } = scene;
          const { from: _f2, ...y } = twin;
          expect(y, `scene ${scene.id} changed with fields outside ${scene.deps.join(', ')}`).toEqual(x);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('never throws on arbitrary input: it answers with field errors', () => {
    fc.assert(
      fc.property(fc.anything(), (junk) => {
        expect(envelopeSchema.safeParse(junk).success).toBe(false);
        const e: any = structuredClone([...generateEnvelopes(type, 1, 'junk')][0]);
        e.benefit = junk;
        expect(() => envelopeSchema.safeParse(e)).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });
});

describe('pension guides', () => {
  it('last between 210 and 300 seconds, in both languages and for every deduction type', () => {
    const seen = new Set<string>();
    for (const e of generateEnvelopes('pensione', 300, 'length')) {
      const g = guideSchema.parse(publicPart(envelopeSchema.parse(e)));
      if (g.type !== 'pensione') throw new Error('type');
      seen.add(g.benefit.deductionRequest);
      for (const locale of LOCALES) {
        const seconds = storyboardOf({ ...g, locale }).durationInFrames / FPS;
        expect(seconds, `${g.benefit.deductionRequest} ${locale}`).toBeGreaterThanOrEqual(210);
        expect(seconds).toBeLessThanOrEqual(300);
      }
    }
    expect(seen).toEqual(new Set(['none', 'pension-income', 'pension-income-and-family']));
  });

  it('are longer when family deductions were requested (the scenes depend on the data)', () => {
    const g = guideOf('pensione', 'family', 2);
    if (g.type !== 'pensione') throw new Error('type');
    expect(g.benefit.deductionRequest).toBe('pension-income-and-family');
    const withFamily = storyboardOf(g);
    const without = storyboardOf({ ...g, benefit: { ...g.benefit, deductionRequest: 'pension-income', dependants: undefined } });
    expect(withFamily.scenes.map((s) => s.id)).toContain('deductions-family');
    expect(without.scenes.map((s) => s.id)).not.toContain('deductions-family');
    expect(withFamily.durationInFrames).toBeGreaterThan(without.durationInFrames);
  });
});

describe('generated data covers the edge cases', () => {
  it('NASpI: shortest and longest claims, mid-month and 31 January starts, the cap, late filing, year boundaries, both reduction months', () => {
    // A one-payment claim cannot exist: 13 weeks (the minimum) give 45 days, two or three calendar months.
    const counts = new Set<number>();
    const reductions = new Set<number>();
    const weeks = new Set<number>();
    let crossesYear = false;
    let startsInNextYear = false;
    let midMonth = false;
    let jan31 = false;
    let capped = false;
    let late = false;
    const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    for (const e of generateEnvelopes('naspi', 200, 'edges') as Iterable<any>) {
      const b = e.benefit;
      counts.add(b.payments.length);
      reductions.add(b.reductionFromMonth);
      weeks.add(b.contributionWeeks);
      const years = new Set(b.payments.map((p: any) => p.date.slice(0, 4)));
      if (years.size > 1) crossesYear = true;
      if (b.startDate.slice(0, 4) > b.jobEndDate.slice(0, 4)) startsInNextYear = true;
      if (b.startDate.slice(8) !== '01') midMonth = true;
      if (b.startDate.slice(5) === '01-31') jan31 = true;
      if (b.capped) capped = true;
      if (b.startDate === addDays(b.applicationDate, 1) && b.applicationDate > addDays(b.jobEndDate, 8)) late = true;
    }
    expect(Math.min(...counts)).toBe(2);
    expect(counts.has(24) && counts.has(25)).toBe(true);
    expect(weeks.has(13) && weeks.has(208)).toBe(true);
    expect(reductions).toEqual(new Set([6, 8]));
    expect([crossesYear, startsInNextYear, midMonth, jan31, capped, late]).toEqual([true, true, true, true, true, true]);
  });

  it('pension: zero arrears; AUU: each block reason; names with accents and apostrophes', () => {
    const pensions = [...generateEnvelopes('pensione', 50, 'edges')] as any[];
    expect(pensions.some((e) => e.benefit.firstPayment.arrearsCents === 0)).toBe(true);
    const auu = [...generateEnvelopes('auu', 30, 'edges')] as any[];
    expect(new Set(auu.map((e) => e.benefit.blockReason))).toEqual(new Set(['missing-information', 'missing-documents', 'iban-error']));
    const names = [...generateEnvelopes('all', 600, 'names')].flatMap((e: any) => (e.citizen ? [e.citizen.givenName, e.citizen.familyName] : []));
    expect(names.some((n) => /[àèéìòùë]/i.test(n))).toBe(true);
    expect(names.some((n) => n.includes("'"))).toBe(true);
    expect(names.some((n) => n.includes(' '))).toBe(true);
  });
});
