import { addDays, addMonths, yearsBetween } from '../common/dates';
import { generatePerson, recipientOf } from '../generator/people';
import type { Rng } from '../generator/rng';
import type { z } from 'zod';
import type { naspi } from './schema';
import {
  NASPI_APPLICATION_DAYS,
  NASPI_EARLY_FILING_DAYS,
  NASPI_MAX_WEEKS,
  NASPI_MIN_WEEKS,
  naspiAtCap,
  naspiCalendar,
  naspiEndDate,
  naspiFiguresYear,
  naspiMonthlyCents,
  naspiReductionFrom,
  naspiStartDate,
  naspiYearFigures,
  type NaspiYearFigures,
  naspiMaxWeeksByAge,
} from './rules';

type NaspiEnvelope = z.input<typeof naspi.envelope>;

/**
 * Edge cases walked in turn by `variant`; the rest are ordinary claims. Every claim follows the
 * rules of rules.ts (the same the schema checks), so a generated envelope always validates.
 * A one-payment claim cannot exist: the shortest claim (13 weeks → 45 days) touches two or three
 * calendar months, so "shortest" stands for it.
 */
export const NASPI_EDGES = [
  'mid-month', // starts mid-month: partial first and last months
  'month-end-31', // job ends on the 23rd of January, filed early: starts 31 January (month 2 starts on 28 February)
  'at-cap', // average pay above the cap's reach
  'over-55', // reduction from month 8
  'shortest', // 13 weeks: 45 days, two or three payments
  'max-duration', // 208 weeks: 728 days, starting on the 1st (24 payments)
  'max-duration-mid-month', // 208 weeks from mid-month: 25 payments
  'year-boundary', // job ends in late December: the claim starts in January, the job's year's figures apply
  'late-application', // filed after the 8th day: starts the day after the application
  'turns-55', // 54 at the end of the job, 55 on the application date
  'first-of-month', // starts on the 1st: whole months
  'below-threshold',
  'above-threshold',
  'ordinary',
  'ordinary',
] as const;
export type NaspiEdge = (typeof NASPI_EDGES)[number];

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A plausible net for a payment: 23% IRPEF (first bracket; NASpI alone stays under 28,000 € a year)
 * less the employment deduction (art. 13 TUIR) for the days paid, when requested. Synthetic: the
 * institute's own nets come with its data and are only bounded by the schema.
 */
function netOf(grossCents: number, coveredDays: number, monthlyCents: number, deduction: boolean): number {
  let deductionCents = 0;
  if (deduction) {
    const yearly = (monthlyCents * 12) / 100;
    const euros = yearly <= 15_000 ? 1_955 : yearly <= 28_000 ? 1_910 + (1_190 * (28_000 - yearly)) / 13_000 : (1_910 * (50_000 - yearly)) / 22_000;
    deductionCents = (euros * 100 * coveredDays) / 365;
  }
  const tax = Math.max(0, Math.round(0.23 * grossCents - deductionCents));
  return grossCents - tax;
}

/** An average monthly pay whose formula lands where the edge wants it. */
function payFor(rng: Rng, edge: NaspiEdge, figures: NaspiYearFigures): number {
  const capReach = Math.ceil(figures.thresholdCents + 4 * (figures.capCents - 0.75 * figures.thresholdCents));
  if (edge === 'at-cap') return rng.chance(0.1) ? capReach : rng.int(capReach, 520_000);
  if (edge === 'below-threshold') return rng.int(60_000, figures.thresholdCents);
  if (edge === 'above-threshold') return rng.int(figures.thresholdCents + 1, capReach - 1);
  const r = rng.float();
  return r < 0.55 ? rng.int(70_000, figures.thresholdCents) : r < 0.9 ? rng.int(figures.thresholdCents + 1, capReach - 1) : rng.int(capReach, 450_000);
}

export function generateNaspi(rng: Rng, variant: number): NaspiEnvelope {
  const edge = NASPI_EDGES[variant % NASPI_EDGES.length]!;

  // End of the job: 2025 to mid-2026, with the edges that need a particular day.
  let jobEndDate = addDays('2025-01-02', rng.int(0, 540));
  if (edge === 'year-boundary') jobEndDate = `${rng.pick([2024, 2025])}-12-${pad(rng.int(24, 31))}`;
  if (edge === 'month-end-31') jobEndDate = `${rng.pick([2025, 2026])}-01-23`;
  if (edge === 'first-of-month' || edge === 'max-duration') {
    // Filed early, the claim starts 8 days after the end of the job: make that the 1st.
    const start = `${rng.pick(['2025', '2026'])}-${pad(rng.int(1, 6))}-01`;
    jobEndDate = addDays(start, -NASPI_EARLY_FILING_DAYS);
  }

  // Filing within 8 days starts the benefit on the 8th day; later, the day after filing.
  const early = ['month-end-31', 'first-of-month', 'max-duration'].includes(edge) || (edge !== 'late-application' && edge !== 'turns-55' && rng.chance(0.7));
  let gap = early ? rng.int(1, NASPI_EARLY_FILING_DAYS) : rng.int(NASPI_EARLY_FILING_DAYS + 1, rng.chance(0.1) ? NASPI_APPLICATION_DAYS : 60);
  if (edge === 'turns-55') gap = rng.int(20, NASPI_APPLICATION_DAYS);
  const applicationDate = addDays(jobEndDate, gap);
  const startDate = naspiStartDate(jobEndDate, applicationDate);

  // The age is taken on the application date; the fiscal code carries the birth date.
  const age: [number, number] =
    edge === 'over-55'
      ? [55.1, 66]
      : edge === 'turns-55'
        ? [55 + 1 / 365.25, 55 + (gap - 2) / 365.25] // the 55th birthday falls between the end of the job and the application
        : edge === 'ordinary' && rng.chance(0.2)
          ? [55.1, 64]
          : edge === 'max-duration' || edge === 'max-duration-mid-month'
            ? [20.2, 54.8] // 208 weeks need four years of work from 16
            : [19, 54.8];
  const person = generatePerson(rng, { age, onDate: applicationDate });
  const reductionFromMonth = naspiReductionFrom(yearsBetween(person.birthDate, applicationDate));

  const wantedWeeks =
    edge === 'shortest'
      ? NASPI_MIN_WEEKS
      : edge === 'max-duration' || edge === 'max-duration-mid-month'
        ? NASPI_MAX_WEEKS
        : edge === 'over-55' || edge === 'turns-55'
          ? rng.int(40, NASPI_MAX_WEEKS)
          : rng.chance(0.25)
            ? NASPI_MAX_WEEKS
            : rng.int(NASPI_MIN_WEEKS, NASPI_MAX_WEEKS);
  // Never more weeks than the years since the 15th birthday hold (the schema refuses them).
  const contributionWeeks = Math.min(naspiMaxWeeksByAge(person.birthDate, jobEndDate), wantedWeeks);
  const endDate = naspiEndDate(startDate, contributionWeeks);

  const figures = naspiYearFigures(naspiFiguresYear(jobEndDate))!;
  const averageMonthlyPayCents = payFor(rng, edge, figures);
  const firstMonthlyAmountCents = naspiMonthlyCents(averageMonthlyPayCents, figures);
  const employmentDeduction = rng.chance(0.75);

  // Paid in the first half of the month after; the first payment sometimes a month later (processing).
  const payDay = rng.int(7, 15);
  const firstLag = rng.chance(0.15) ? 2 : 1;
  // (then the second month is paid in the same month, two days later).
  const payments = naspiCalendar(startDate, endDate, firstMonthlyAmountCents, reductionFromMonth).map((d, i) => {
    const monthly = d.parts.at(-1)!.monthlyCents;
    const lag = i === 0 ? firstLag : 1;
    const day = i === 1 && firstLag === 2 ? payDay + 2 : payDay;
    const date = `${addMonths(`${d.period}-01`, lag).slice(0, 7)}-${pad(day)}`;
    return { period: d.period, date, grossCents: d.grossCents, netCents: netOf(d.grossCents, d.coveredDays, monthly, employmentDeduction) };
  });
  let iban = '';
  for (let i = 0; i < 4; i++) iban += String(rng.int(0, 9));

  return {
    type: 'naspi',
    ...recipientOf(rng, person, rng.chance(0.9) ? 'it' : 'en', 'NASPI'),
    benefit: {
      jobEndDate,
      applicationDate,
      startDate,
      endDate,
      contributionWeeks,
      averageMonthlyPayCents,
      firstMonthlyAmountCents,
      capCents: figures.capCents,
      capped: naspiAtCap(averageMonthlyPayCents, figures),
      reductionFromMonth,
      payments,
      ibanLast4: iban,
      employmentDeduction,
    },
  };
}
