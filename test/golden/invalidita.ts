import type { GoldenCitizen, RefusedEnvelope } from './golden';

/** Golden citizens of the invalidita guide (DOMAIN.md's worked examples). */
export const golden: GoldenCitizen[] = [];

/** Contradictory invalidita envelopes, each refused with its field. */
export const refused: RefusedEnvelope[] = [];
