/**
 * Supporto per la Formazione e il Lavoro (art. 12 DL 48/2023): shared DOMAIN.md §5.
 * 2023–2024: €350 a month, family ISEE up to €6,000, at most 12 months.
 * From 2025 (L. 207/2024 art. 1 c. 198): €500 a month, ISEE up to €10,140, at most 12 months, extendable by up
 * to 12 more only while attending a training course that runs beyond the first 12 months (not automatic).
 * DOMAIN.md records no change for 2026 ("none found"): the 2025 figures stay.
 */
export interface SflEdition {
  monthlyAmountCents: number;
  iseeThresholdCents: number;
  maxMonths: number;
  /** Months the support can be extended by, only while a training course runs beyond maxMonths. */
  maxExtensionMonths: number;
}

const FROM_2023: SflEdition = { monthlyAmountCents: 35_000, iseeThresholdCents: 600_000, maxMonths: 12, maxExtensionMonths: 0 };
const FROM_2025: SflEdition = { monthlyAmountCents: 50_000, iseeThresholdCents: 1_014_000, maxMonths: 12, maxExtensionMonths: 12 };

export const SFL_EDITIONS: Record<number, SflEdition> = { 2023: FROM_2023, 2024: FROM_2023, 2025: FROM_2025, 2026: FROM_2025 };
export const SFL_EDITION_YEARS = Object.keys(SFL_EDITIONS).map(Number);

/** Ages the measure is for. */
export const SFL_AGES = [18, 59] as const;

/**
 * Payment dates (INPS msg. 3379/2023): requirements met by the 15th → paid from the 27th of the same month;
 * met after the 15th → paid on the 15th of the next month.
 */
export const SFL_PAYMENT = { cutoffDay: 15, sameMonthFromDay: 27, nextMonthDay: 15 } as const;

/** Participation is confirmed at least this often, in days. */
export const SFL_CONFIRM_DAYS = 90;
