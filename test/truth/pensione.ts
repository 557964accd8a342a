import type { Claim } from './claims';
import type { PensionGuide } from '../../compositions/pensione/schema';

/** What the pensione guide may say, and when it is true. */
export const claims: Claim<PensionGuide>[] = [];
