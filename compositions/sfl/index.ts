import { l } from '../common/copy';
import type { GuideTypeDefinition } from '../common/guide-type';
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
};
