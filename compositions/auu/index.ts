import { l } from '../common/copy';
import type { GuideTypeDefinition } from '../common/guide-type';
import { auu } from './schema';
import { AUU_VERSION, auuStoryboard } from './storyboard';

export const auuType: GuideTypeDefinition<typeof auu.envelope, typeof auu.guide> = {
  type: 'auu',
  version: AUU_VERSION,
  title: l('Assegno Unico bloccato', 'Assegno Unico on hold'),
  personal: true,
  envelope: auu.envelope,
  guide: auu.guide,
  toGuide: auu.toGuide,
  storyboard: auuStoryboard,
};
