import { generateAuu } from '../auu/generate';
import type { GuideType } from '../common/envelope';
import type { EnvelopeInput } from '../guide-types';
import { generateInvalidita } from '../invalidita/generate';
import { generateNaspi } from '../naspi/generate';
import { generatePensione } from '../pensione/generate';
import { generateRed } from '../red/generate';
import { generateSfl } from '../sfl/generate';
import type { Rng } from './rng';

/**
 * A valid, realistic envelope per guide type; `variant` walks the type's edge cases in turn. Kept out
 * of the guide-type registry so that no browser bundle carries the generators or their name lists.
 */
export const GENERATORS: Record<GuideType, (rng: Rng, variant: number) => EnvelopeInput> = {
  naspi: generateNaspi,
  pensione: generatePensione,
  red: generateRed,
  auu: generateAuu,
  sfl: generateSfl,
  invalidita: generateInvalidita,
};
