import type { z } from 'zod';
import type { GuideType } from './envelope';
import type { Localized } from './locale';
import type { StoryboardOptions } from './storyboard-build';
import type { Storyboard } from './storyboard-types';

/**
 * Everything the system knows about one guide type; the registry lists the six. Browser-safe: the
 * test-data generators live in compositions/generator/registry.ts, which no bundle imports.
 */
export interface GuideTypeDefinition<E extends z.ZodType = z.ZodType, G extends z.ZodType = z.ZodType> {
  type: GuideType;
  /** Bumped whenever the storyboard or the scenes change what they show: it keys renders and caches. */
  version: string;
  title: Localized;
  personal: boolean;
  /** What upstream systems send (fiscal code included). */
  envelope: E;
  /** What storyboards, compositions and the player read (no fiscal code). */
  guide: G;
  /** The guide from a valid envelope: what must not be kept dropped, what the edge derives (the age) added. */
  toGuide(envelope: z.infer<E>): z.infer<G>;
  storyboard(guide: z.infer<G>, options?: StoryboardOptions): Storyboard;
}
