import type { GoldenCitizen, RefusedEnvelope } from './golden';

/** Golden citizens of the naspi guide (DOMAIN.md's worked examples). */
export const golden: GoldenCitizen[] = [];

/** Contradictory naspi envelopes, each refused with its field. */
export const refused: RefusedEnvelope[] = [];
