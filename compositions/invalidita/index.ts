import { l } from '../common/copy';
import type { GuideTypeDefinition } from '../common/guide-type';
import { invalidita } from './schema';
import { INVALIDITA_VERSION, invaliditaStoryboard } from './storyboard';

export const invaliditaType: GuideTypeDefinition<typeof invalidita.envelope, typeof invalidita.guide> = {
  type: 'invalidita',
  version: INVALIDITA_VERSION,
  title: l('Verbale di invalidità civile', 'Civil invalidity verdict'),
  personal: true,
  envelope: invalidita.envelope,
  guide: invalidita.guide,
  toGuide: invalidita.toGuide,
  storyboard: invaliditaStoryboard,
};
