import type { GoldenCitizen, RefusedEnvelope } from './golden';

/** Golden citizens of the sfl guide (DOMAIN.md's worked examples). */
export const golden: GoldenCitizen[] = [];

/** Contradictory sfl envelopes, each refused with its field. */
export const refused: RefusedEnvelope[] = [];
