import type { Claim } from './claims';
import type { AuuGuide } from '../../compositions/auu/schema';

/** What the auu guide may say, and when it is true. */
export const claims: Claim<AuuGuide>[] = [];
