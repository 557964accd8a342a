import { l } from '../common/copy';
import type { GuideTypeDefinition } from '../common/guide-type';
import { red } from './schema';
import { RED_VERSION, redStoryboard } from './storyboard';

export const redType: GuideTypeDefinition<typeof red.envelope, typeof red.guide> = {
  type: 'red',
  version: RED_VERSION,
  title: l('Dichiarazione reddituale RED', 'RED income statement'),
  personal: true,
  envelope: red.envelope,
  guide: red.guide,
  toGuide: red.toGuide,
  storyboard: redStoryboard,
};
