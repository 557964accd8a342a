import type { EnvelopeInput } from '../../compositions/guide-types';

/** The contact centre's numbers as every guide says them, in Italian and in English. */
export const CONTACT_NUMBERS = '803 164 da rete fissa, gratuito, oppure 06 164 164 da cellulare';
export const CONTACT_NUMBERS_EN = '803 164 from a landline, free of charge, or 06 164 164 from a mobile';
/** The contact line of the red and sfl guides. */
export const CALL_FOR_INFORMATION = `Per informazioni chiama il contact center: ${CONTACT_NUMBERS}.`;

/**
 * A hand-written citizen from DOMAIN.md's worked examples, with what they must hear. Sentences are
 * exact substrings of the narration (spaces normalised); the reviewers of the institute read them
 * as the guide's promise to that citizen.
 */
export interface GoldenCitizen {
  /** What the example is, e.g. "RMM 2,000 €, under 55, claim from 8 March (DOMAIN.md §1)". */
  name: string;
  envelope: EnvelopeInput;
  /** Italian sentences (or exact fragments) the citizen must hear. */
  hears: string[];
  /** Fragments the citizen must not hear (conditions that do not hold for them). */
  neverHears?: string[];
  /** English sentences the citizen must hear when the guide is in English. */
  hearsEn?: string[];
  /** Exact figures on screen, by scene id: each value (cents, ISO date, count…) must be shown by one of that scene's figures. */
  shows?: Record<string, (number | string)[]>;
}

/** A contradictory envelope and where it is refused. */
export interface RefusedEnvelope {
  name: string;
  envelope: EnvelopeInput;
  /** The field path the refusal names, e.g. "benefit.payments.0.grossCents". */
  field: string;
  /** The reason must match. */
  reason: RegExp;
}

/**
 * A copy of base with one value set at a field path ("benefit.payments.11.date"): most refusals
 * break one field and are refused at that very field, so the path is written once for both.
 */
export function withValueAt<E extends EnvelopeInput>(base: E, path: string, value: unknown): E {
  const copy = structuredClone(base);
  const keys = path.split('.');
  let node = copy as unknown as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (!next || typeof next !== 'object') throw new Error(`withValueAt: ${path} expected an object at ${key}, got ${JSON.stringify(next)}`);
    node = next as Record<string, unknown>;
  }
  node[keys.at(-1)!] = value;
  return copy;
}

/** One row of a refusal table: [name, base envelope, field set and refused, value set there, reason]. */
export type RefusedAtField<E extends EnvelopeInput> = [name: string, base: E, field: string, value: unknown, reason: RegExp];

/** The refusals of a table of rows that each set one field and are refused at it. */
export const refusedAtFields = <E extends EnvelopeInput>(rows: RefusedAtField<E>[]): RefusedEnvelope[] =>
  rows.map(([name, base, field, value, reason]) => ({ name, envelope: withValueAt(base, field, value), field, reason }));
