import { l } from '../common/copy';
import type { GuideTypeDefinition } from '../common/guide-type';
import { externalRef } from '../generator/people';
import { sfl, SFL_2025 } from './schema';
import { SFL_VERSION, sflStoryboard } from './storyboard';

export const sflType: GuideTypeDefinition<typeof sfl.envelope, typeof sfl.guide> = {
  type: 'sfl',
  version: SFL_VERSION,
  title: l('Supporto per la Formazione e il Lavoro', 'Support for Training and Work'),
  personal: false,
  envelope: sfl.envelope,
  guide: sfl.guide,
  toGuide: sfl.toGuide,
  storyboard: sflStoryboard,
  generate: (rng) => ({ type: 'sfl', locale: rng.chance(0.8) ? 'it' : 'en', externalRef: externalRef(rng, 'SFL'), benefit: { ...SFL_2025 } }),
};
