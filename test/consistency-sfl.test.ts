import { describe, expect, it } from 'vitest';
import { generateEnvelopes } from '../compositions/generator/generate';
import { envelopeSchema } from '../compositions/guide-types';

describe('the SFL generator', () => {
  it('walks every known edition, each with its own figures', () => {
    const es = [...generateEnvelopes('sfl', 8, 'editions')].map((e) => envelopeSchema.parse(e) as any);
    expect(new Set(es.map((e) => e.benefit.edition))).toEqual(new Set([2023, 2024, 2025, 2026]));
    const e2025 = es.find((e) => e.benefit.edition === 2025)!;
    expect(e2025.benefit).toEqual({ edition: 2025, monthlyAmountCents: 50_000, iseeThresholdCents: 1_014_000, maxMonths: 12, maxExtensionMonths: 12 });
  });
});
