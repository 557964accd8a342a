import { l } from '../common/copy';
import type { GuideTypeDefinition } from '../common/guide-type';
import { naspi } from './schema';
import { NASPI_VERSION, naspiStoryboard } from './storyboard';

export const naspiType: GuideTypeDefinition<typeof naspi.envelope, typeof naspi.guide> = {
  type: 'naspi',
  version: NASPI_VERSION,
  title: l('NASpI accolta', 'NASpI accepted'),
  personal: true,
  envelope: naspi.envelope,
  guide: naspi.guide,
  toGuide: naspi.toGuide,
  storyboard: naspiStoryboard,
};
