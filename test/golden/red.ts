import type { GoldenCitizen, RefusedEnvelope } from './golden';

/** Golden citizens of the red guide (DOMAIN.md's worked examples). */
export const golden: GoldenCitizen[] = [];

/** Contradictory red envelopes, each refused with its field. */
export const refused: RefusedEnvelope[] = [];
