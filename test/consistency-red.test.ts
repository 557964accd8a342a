import { describe, expect, it } from 'vitest';
import { generateEnvelopes } from '../compositions/generator/generate';
import { envelopeSchema, publicPart } from '../compositions/guide-types';
import { INCOME_KINDS, LINKED_BENEFITS, ordinaryDeadline } from '../compositions/red/rules';

const guides = (n: number, seed: string) => [...generateEnvelopes('red', n, seed)].map((e) => publicPart(envelopeSchema.parse(e)) as any);

describe('RED campaigns (DOMAIN.md §3)', () => {
  it('the ordinary campaign closes at the end of February two years after the income year', () => {
    expect(ordinaryDeadline(2021)).toBe('2023-02-28');
    expect(ordinaryDeadline(2022)).toBe('2024-02-29');
    expect(ordinaryDeadline(2023)).toBe('2025-02-28');
    expect(ordinaryDeadline(2024)).toBe('2026-02-28');
  });
});

describe('the RED generator walks the edge cases', () => {
  const gs = guides(400, 'edges');
  it('each linked benefit alone, in both campaigns, at an age it is paid at', () => {
    for (const k of LINKED_BENEFITS)
      for (const campaign of ['ordinary', 'reminder'])
        expect(
          gs.some((g) => g.benefit.campaign === campaign && g.benefit.linkedBenefits.length === 1 && g.benefit.linkedBenefits[0] === k),
          `${k} ${campaign}`,
        ).toBe(true);
    for (const g of gs) {
      if (g.benefit.linkedBenefits.includes('fourteenth')) expect(g.citizen.age).toBeGreaterThanOrEqual(64);
      if (g.benefit.linkedBenefits.includes('social-allowance')) expect(g.citizen.age).toBeGreaterThanOrEqual(67);
      if (g.benefit.linkedBenefits.includes('civil-invalidity')) expect(g.citizen.age).toBeLessThanOrEqual(67);
    }
  });
  it('mixes, each income kind, both income years, monthly amounts and none', () => {
    expect(gs.some((g) => g.benefit.linkedBenefits.length >= 3)).toBe(true);
    expect(new Set(gs.flatMap((g) => g.benefit.incomesToDeclare))).toEqual(new Set(INCOME_KINDS));
    expect(new Set(gs.map((g) => g.benefit.incomeYear))).toEqual(new Set([2023, 2024]));
    expect(gs.some((g) => g.benefit.monthlyAtRiskCents === undefined) && gs.some((g) => g.benefit.monthlyAtRiskCents !== undefined)).toBe(true);
  });
});
