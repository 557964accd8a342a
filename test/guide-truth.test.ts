import { beforeAll, describe, expect, it } from 'vitest';
import { GUIDE_TYPES, type GuideType } from '../compositions/common/envelope';
import { italianProblems } from '../compositions/common/italian';
import { generateEnvelopes } from '../compositions/generator/generate';
import { envelopeSchema, publicPart, storyboardOf, type Guide } from '../compositions/guide-types';
import type { Claim } from './truth/claims';
import { claims as auu } from './truth/auu';
import { claims as invalidita } from './truth/invalidita';
import { claims as naspi } from './truth/naspi';
import { claims as pensione } from './truth/pensione';
import { claims as red } from './truth/red';
import { claims as sfl } from './truth/sfl';
import { textsOf } from './truth/texts';

const CLAIMS = { naspi, pensione, red, auu, sfl, invalidita } as unknown as Record<GuideType, Claim[]>;
const PER_TYPE = 2_000;
// Thousands of storyboards per check: ~5 s on an idle machine, over 60 s (the default bound) at a load of 17.
const SLOW = 600_000;

/**
 * Over thousands of generated citizens per type, in both languages: no Italian slip a copy editor
 * would flag, no unfilled value, no gross amount after "riceverai", and every statement a type's
 * claims list only when its condition holds in that citizen's data.
 */
describe.each(GUIDE_TYPES)('what %s guides say', (type) => {
  type Built = { guide: Guide; it: ReturnType<typeof storyboardOf>; en: ReturnType<typeof storyboardOf> };
  let boards: Built[] = [];
  // Built per type, so a broken type fails its own tests only.
  beforeAll(() => {
    boards = [...generateEnvelopes(type, PER_TYPE, 'truth')].map((e) => {
      const guide = publicPart(envelopeSchema.parse(e));
      return { guide, it: storyboardOf({ ...guide, locale: 'it' } as Guide), en: storyboardOf({ ...guide, locale: 'en' } as Guide) };
    });
  }, SLOW);

  it(
    'is plain correct Italian: prepositions merged with articles, elision before vowels and numbers said with one',
    () => {
      const problems = new Map<string, number>();
      for (const b of boards) {
        const { narration, screen } = textsOf(b.it, 'it');
        for (const p of [narration, ...screen].flatMap(italianProblems)) problems.set(p, (problems.get(p) ?? 0) + 1);
      }
      expect([...problems.entries()]).toEqual([]);
    },
    SLOW,
  );

  it(
    'never leaves a value unfilled or a template visible',
    () => {
      const bad: string[] = [];
      for (const b of boards)
        for (const [board, locale] of [
          [b.it, 'it'],
          [b.en, 'en'],
        ] as const) {
          const { narration, screen } = textsOf(board, locale);
          for (const t of [narration, ...screen]) {
            const m = /undefined|NaN|\bnull\b|\[object|\$\{| {2}|\s[,.;:]|\.\./.exec(t);
            if (m) bad.push(`${locale}: …${t.slice(Math.max(0, m.index - 40), m.index + 40)}…`);
          }
        }
      expect(bad.slice(0, 10)).toEqual([]);
    },
    SLOW,
  );

  it(
    'never presents a gross amount as what the citizen receives',
    () => {
      const bad: string[] = [];
      const re = /\b(?:riceverai|ricevi|ti arriveranno|ti arriva|ti sarà pagat[oa]|ti verranno pagati)\b[^.]*?(\d[\d.]*(?:,\d{2})? €)(\s+lord[io])?/g;
      for (const b of boards) {
        const { narration } = textsOf(b.it, 'it');
        for (const m of narration.matchAll(re)) if (m[2]) bad.push(m[0]);
      }
      expect(bad.slice(0, 10)).toEqual([]);
    },
    SLOW,
  );

  it(
    'makes each statement only when its condition holds, and every required one when it does',
    () => {
      const failures = new Map<string, number>();
      for (const b of boards)
        for (const c of CLAIMS[type]) {
          const locale = c.locale ?? 'it';
          const board = locale === 'it' ? b.it : b.en;
          const { narration, screen } = textsOf(board, locale);
          const said = [narration, ...screen].some((t) => c.says.test(t));
          if (said && c.holds && !c.holds(b.guide as never, board))
            failures.set(`said without its condition: ${c.why}`, (failures.get(`said without its condition: ${c.why}`) ?? 0) + 1);
          if (!said && c.when && c.when(b.guide as never, board))
            failures.set(`not said though it holds: ${c.why}`, (failures.get(`not said though it holds: ${c.why}`) ?? 0) + 1);
        }
      expect([...failures.entries()]).toEqual([]);
    },
    SLOW,
  );
});
