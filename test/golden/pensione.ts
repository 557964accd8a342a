import type { GoldenCitizen, RefusedEnvelope } from './golden';

/** Golden citizens of the pensione guide (DOMAIN.md's worked examples). */
export const golden: GoldenCitizen[] = [];

/** Contradictory pensione envelopes, each refused with its field. */
export const refused: RefusedEnvelope[] = [];
