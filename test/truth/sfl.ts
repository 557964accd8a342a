import type { Claim } from './claims';
import type { SflGuide } from '../../compositions/sfl/schema';

/** What the sfl guide may say, and when it is true. */
export const claims: Claim<SflGuide>[] = [];
