import type { Claim } from './claims';
import type { InvaliditaGuide } from '../../compositions/invalidita/schema';

/** What the invalidita guide may say, and when it is true. */
export const claims: Claim<InvaliditaGuide>[] = [];
