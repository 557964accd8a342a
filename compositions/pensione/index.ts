import { l } from '../common/copy';
import type { GuideTypeDefinition } from '../common/guide-type';
import { pensione } from './schema';
import { PENSIONE_VERSION, pensioneStoryboard } from './storyboard';

export const pensioneType: GuideTypeDefinition<typeof pensione.envelope, typeof pensione.guide> = {
  type: 'pensione',
  version: PENSIONE_VERSION,
  title: l('Nuova pensione', 'New pension'),
  personal: true,
  envelope: pensione.envelope,
  guide: pensione.guide,
  toGuide: pensione.toGuide,
  storyboard: pensioneStoryboard,
};
