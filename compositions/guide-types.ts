import { z } from 'zod';
import { auuType } from './auu';
import type { GuideType } from './common/envelope';
import type { GuideTypeDefinition } from './common/guide-type';
import type { StoryboardOptions } from './common/storyboard-build';
import type { Storyboard } from './common/storyboard-types';
import { invaliditaType } from './invalidita';
import { naspiType } from './naspi';
import { pensioneType } from './pensione';
import { redType } from './red';
import { sflType } from './sfl';

/** The six guide types; everything that dispatches on a type goes through this table. */
export const GUIDE_TYPE_DEFINITIONS = {
  naspi: naspiType,
  pensione: pensioneType,
  red: redType,
  auu: auuType,
  sfl: sflType,
  invalidita: invaliditaType,
} satisfies Record<GuideType, GuideTypeDefinition>;

export const guideTypeOf = (type: GuideType): GuideTypeDefinition => GUIDE_TYPE_DEFINITIONS[type] as GuideTypeDefinition;

/** Any envelope, as upstream systems send it. */
export const envelopeSchema = z.discriminatedUnion('type', [
  naspiType.envelope,
  pensioneType.envelope,
  redType.envelope,
  auuType.envelope,
  sflType.envelope,
  invaliditaType.envelope,
]);
export type Envelope = z.infer<typeof envelopeSchema>;
export type EnvelopeInput = z.input<typeof envelopeSchema>;

/** Any guide as storyboards, compositions and the player read it (no fiscal code). */
export const guideSchema = z.discriminatedUnion('type', [
  naspiType.guide,
  pensioneType.guide,
  redType.guide,
  auuType.guide,
  sflType.guide,
  invaliditaType.guide,
]);
export type Guide = z.infer<typeof guideSchema>;

/** Drops what must never reach a storyboard, a composition or a browser (fiscal code, external ref) and adds the derived age. */
export function publicPart(envelope: Envelope | EnvelopeInput): Guide {
  return guideTypeOf(envelope.type).toGuide(envelope as never) as Guide;
}

export function storyboardOf(guide: Guide, options?: StoryboardOptions): Storyboard {
  return guideTypeOf(guide.type).storyboard(guide, options);
}

export function versionOf(type: GuideType): string {
  return GUIDE_TYPE_DEFINITIONS[type].version;
}
