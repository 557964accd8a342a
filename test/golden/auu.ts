import type { GoldenCitizen, RefusedEnvelope } from './golden';

/** Golden citizens of the auu guide (DOMAIN.md's worked examples). */
export const golden: GoldenCitizen[] = [];

/** Contradictory auu envelopes, each refused with its field. */
export const refused: RefusedEnvelope[] = [];
