import type { Guide } from '../../compositions/guide-types';
import type { Storyboard } from '../../compositions/common/storyboard-types';

/**
 * A statement a guide may make and the condition under which it is true: whenever the Italian
 * (or English) narration or screen text matches `says`, `holds` must be true of the guide's data.
 * `required` claims work the other way round: when `when` holds, the text must match `says`.
 */
export interface Claim<G extends Guide = Guide> {
  why: string;
  locale?: 'it' | 'en';
  says: RegExp;
  holds?: (guide: G, board: Storyboard) => boolean;
  /** The statement must be made whenever this holds. */
  when?: (guide: G, board: Storyboard) => boolean;
}
