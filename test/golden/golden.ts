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
