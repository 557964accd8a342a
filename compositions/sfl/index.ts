import { l } from '../common/copy';
import type { GuideTypeDefinition } from '../common/guide-type';
import { externalRef } from '../generator/people';
import { SFL_EDITIONS } from './rules';
import { sfl } from './schema';
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
  // The current edition mostly; every known edition in turn first (2025, 2026, 2023, 2024).
  generate: (rng, variant) => {
    const edition = variant < 4 ? [2025, 2026, 2023, 2024][variant]! : rng.chance(0.8) ? 2025 : rng.pick([2023, 2024, 2026]);
    return { type: 'sfl', locale: rng.chance(0.8) ? 'it' : 'en', externalRef: externalRef(rng, 'SFL'), benefit: { edition, ...SFL_EDITIONS[edition]! } };
  },
};
