import { z } from 'zod';
import { LOCALES } from './locale';
import { fiscalCode, personName, province, reference } from './primitives';

export const GUIDE_TYPES = ['naspi', 'pensione', 'red', 'auu', 'sfl', 'invalidita'] as const;
export type GuideType = (typeof GUIDE_TYPES)[number];

export const gender = z.enum(['F', 'M', 'X'], { error: 'expected F, M or X' });
export type Gender = z.infer<typeof gender>;

/** The citizen as the institute sends it: the fiscal code identifies them for the reserved area. */
export const citizenInput = z.strictObject({
  givenName: personName,
  familyName: personName,
  gender,
  fiscalCode,
  province,
});

/** The citizen as stored and shown: the fiscal code never leaves the API (it is kept as an HMAC). */
export const citizenPublic = citizenInput.omit({ fiscalCode: true });
export type CitizenPublic = z.infer<typeof citizenPublic>;

const locale = z.enum(LOCALES, { error: 'expected "it" or "en"' }).default('it');

/**
 * The two schemas of a personalised guide type, both built from its one `benefit` schema:
 * `envelope` is what upstream systems send (validated at the API's edge);
 * `guide` is what a storyboard, a composition and the player read (no fiscal code, no external ref).
 */
export function personalGuide<T extends GuideType, B extends z.ZodType>(type: T, benefit: B) {
  const envelope = z.strictObject({
    type: z.literal(type),
    locale,
    externalRef: reference(),
    citizen: citizenInput,
    benefit,
  });
  const guide = z.strictObject({
    type: z.literal(type),
    locale,
    citizen: citizenPublic,
    benefit,
  });
  return { envelope, guide };
}

/** A public guide (SFL): the same for everybody, so no citizen at all. */
export function publicGuide<T extends GuideType, B extends z.ZodType>(type: T, benefit: B) {
  const envelope = z.strictObject({ type: z.literal(type), locale, externalRef: reference(), benefit });
  const guide = z.strictObject({ type: z.literal(type), locale, benefit });
  return { envelope, guide };
}

/** Drops what must never reach a storyboard, a composition or a browser: the fiscal code and the external ref. */
export function publicPart<E extends { type: string; locale?: string; externalRef: string; benefit: unknown; citizen?: { fiscalCode: string } }>(
  envelope: E,
) {
  const { externalRef: _ref, citizen, ...rest } = envelope;
  if (!citizen) return rest;
  const { fiscalCode: _fc, ...publicCitizen } = citizen;
  return { ...rest, citizen: publicCitizen };
}
