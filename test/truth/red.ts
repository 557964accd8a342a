import type { Claim } from './claims';
import type { RedGuide } from '../../compositions/red/schema';

/** What the red guide may say, and when it is true. */
export const claims: Claim<RedGuide>[] = [];
