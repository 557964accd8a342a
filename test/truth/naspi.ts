import type { Claim } from './claims';
import type { NaspiGuide } from '../../compositions/naspi/schema';

/** What the naspi guide may say, and when it is true. */
export const claims: Claim<NaspiGuide>[] = [];
