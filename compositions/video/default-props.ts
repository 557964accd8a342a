import type { GuideType } from '../common/envelope';
import { generateEnvelopes } from '../generator/generate';
import { GUIDE_TYPE_DEFINITIONS, type Guide, publicPart } from '../guide-types';

// Which generated envelope each type shows by default: an ordinary case, not an edge case
// (the generator walks edge cases first; see each type's generate.ts).
const SAMPLE_INDEX: Record<GuideType, number> = { naspi: 5, pensione: 3, red: 1, auu: 2, sfl: 0, invalidita: 1 };

/** A realistic, valid guide of the type: what Studio opens with and what the layer still defaults to. */
export function sampleGuide(type: GuideType, index = SAMPLE_INDEX[type], seed = 'studio'): Guide {
  let envelope: unknown;
  let i = 0;
  for (const e of generateEnvelopes(type, index + 1, seed)) {
    if (i++ === index) envelope = e;
  }
  const parsed = GUIDE_TYPE_DEFINITIONS[type].envelope.parse(envelope);
  return GUIDE_TYPE_DEFINITIONS[type].guide.parse(publicPart(parsed as never)) as Guide;
}
