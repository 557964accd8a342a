import { describe, expect, it } from 'vitest';
import { GUIDE_TYPES, type GuideType } from '../compositions/common/envelope';
import { fieldErrors } from '../compositions/common/validation';
import { envelopeSchema, publicPart, storyboardOf, type Guide } from '../compositions/guide-types';
import type { GoldenCitizen, RefusedEnvelope } from './golden/golden';
import * as auu from './golden/auu';
import * as invalidita from './golden/invalidita';
import * as naspi from './golden/naspi';
import * as pensione from './golden/pensione';
import * as red from './golden/red';
import * as sfl from './golden/sfl';
import { textsOf } from './truth/texts';

const GOLDEN: Record<GuideType, { golden: GoldenCitizen[]; refused: RefusedEnvelope[] }> = { naspi, pensione, red, auu, sfl, invalidita };

const figuresOf = (board: ReturnType<typeof storyboardOf>, sceneId: string): unknown[] => {
  const scene = board.scenes.find((s) => s.id === sceneId);
  if (!scene) throw new Error(`no scene ${sceneId}`);
  const out: unknown[] = [];
  const walk = (v: unknown): void => {
    if (!v || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach(walk);
    const o = v as Record<string, unknown>;
    if ('format' in o && 'value' in o) out.push(o.value);
    for (const [k, x] of Object.entries(o)) {
      if (k === 'cents' || k === 'date' || k === 'grossCents' || k === 'netCents') out.push(x);
      walk(x);
    }
  };
  walk(scene.content);
  return out;
};

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

describe.each(GUIDE_TYPES)('golden %s guides', (type) => {
  const { golden, refused } = GOLDEN[type];
  it('has three hand-written citizens', () => {
    expect(golden.length).toBeGreaterThanOrEqual(3);
  });
  it.each(golden.map((g) => [g.name, g] as const))('%s: hears exactly what was promised', (_name, g) => {
    const parsed = envelopeSchema.safeParse(g.envelope);
    expect(parsed.success ? [] : fieldErrors(parsed.error, g.envelope)).toEqual([]);
    const guide = publicPart(parsed.data!);
    const it = textsOf(storyboardOf({ ...guide, locale: 'it' } as Guide), 'it').narration;
    for (const sentence of g.hears) expect(it, `Italian narration of "${g.name}"`).toContain(norm(sentence));
    for (const fragment of g.neverHears ?? []) expect(it).not.toContain(norm(fragment));
    if (g.hearsEn) {
      const en = textsOf(storyboardOf({ ...guide, locale: 'en' } as Guide), 'en').narration;
      for (const sentence of g.hearsEn) expect(en, `English narration of "${g.name}"`).toContain(norm(sentence));
    }
    const board = storyboardOf(guide);
    for (const [scene, values] of Object.entries(g.shows ?? {})) for (const value of values) expect(figuresOf(board, scene), `scene ${scene}`).toContain(value);
  });
  it.each(refused.map((r) => [r.name, r] as const))('refuses %s', (_name, r) => {
    const parsed = envelopeSchema.safeParse(r.envelope);
    expect(parsed.success, 'a contradiction must be refused').toBe(false);
    const errors = fieldErrors(parsed.error!, r.envelope);
    const named = errors.filter((e) => e.field === r.field);
    expect(named.map((e) => e.message).join(' | '), `errors: ${JSON.stringify(errors)}`).toMatch(r.reason);
  });
});
