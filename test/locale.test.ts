import { describe, expect, it } from 'vitest';
import { formatCents, formatDate, formatEuroWhole, formatList, formatMonth } from '../compositions/common/locale';

// Intl separates number and currency sign with a no-break space.
const nb = (s: string) => s.replace(/ /g, '\u00a0');

describe('locale formatting', () => {
  it.each([
    [123456, 'it', nb('1.234,56 €')],
    [123456, 'en', '€1,234.56'],
    [99900, 'it', nb('999,00 €')],
    [0, 'it', nb('0,00 €')],
    [100000000, 'it', nb('1.000.000,00 €')],
  ] as const)('formats %i cents in %s as %s', (cents, locale, expected) => {
    expect(formatCents(cents, locale)).toBe(expected);
  });

  it('formats dates without time-zone drift', () => {
    expect(formatDate('2026-03-15', 'it')).toBe('15 marzo 2026');
    expect(formatDate('2026-03-15', 'en')).toBe('15 March 2026');
    expect(formatDate('2025-12-31', 'it')).toBe('31 dicembre 2025');
    expect(formatMonth('2026-01', 'it')).toBe('gennaio 2026');
  });

  it('formats whole euros and lists', () => {
    expect(formatEuroWhole(850_000, 'it')).toBe(nb('8.500 €'));
    expect(formatList(['a', 'b', 'c'], 'it')).toBe('a, b e c');
    expect(formatList(['a', 'b', 'c'], 'en')).toBe('a, b and c');
  });
});
