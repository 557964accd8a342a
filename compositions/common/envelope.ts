import { crossChecks } from './validation';
import { z } from 'zod';
import { deriveAge, type AgeRange } from './citizen-age';
import { LOCALES } from './locale';
import { fiscalCode, isoDate, personName, province, reference } from './primitives';

export const GUIDE_TYPES = ['naspi', 'pensione', 'red', 'auu', 'sfl', 'invalidita'] as const;
export type GuideType = (typeof GUIDE_TYPES)[number];

export const gender = z.enum(['F', 'M', 'X'], { error: 'expected F, M or X' });
export type Gender = z.infer<typeof gender>;

/**
 * The citizen as the institute sends it: the fiscal code identifies them for the reserved area.
 * `gender` is the form of address the citizen chose; the code's legal sex is not checked against it.
 */
export const citizenInput = z.strictObject({
  givenName: personName,
  familyName: personName,
  gender,
  fiscalCode,
  province,
  /** Optional: settles the century the code's two-digit year leaves open; must agree with the code. Not kept. */
  birthDate: isoDate.optional(),
});

/**
 * The citizen as stored and shown: the fiscal code never leaves the API (it is kept as an HMAC).
 * `age` is derived from it at the edge, on the date the guide type's rules take it on, and kept
 * instead of any birth date.
 */
export const citizenPublic = z.strictObject({
  givenName: personName,
  familyName: personName,
  gender,
  province,
  age: z.number().int().min(0).max(130),
});
export type CitizenPublic = z.infer<typeof citizenPublic>;

interface LooseEnvelope {
  type: string;
  locale?: string;
  citizen?: { fiscalCode: string; birthDate?: string; [k: string]: unknown };
  benefit: unknown;
}

/** How a personal guide type takes the citizen's age, and what its rules say about it. */
export interface AgeRules<B> {
  /** The date the age is taken on: the application, the verdict, the start of the pension… */
  on(benefit: B): string;
  /** Ages the benefit is addressed to. */
  range: AgeRange;
  /** Cross-checks of the benefit against the age (and `born`, the birth date it comes from, never kept); issues take paths inside `benefit`. */
  check?(benefit: B, age: number, issue: (path: (string | number)[], message: string) => void, born: string): void;
}

const locale = z.enum(LOCALES, { error: 'expected "it" or "en"' }).default('it');

/**
 * The two schemas of a personalised guide type, both built from its one `benefit` schema:
 * `envelope` is what upstream systems send (validated at the API's edge);
 * `guide` is what a storyboard, a composition and the player read (no fiscal code, no external ref).
 */
export function personalGuide<T extends GuideType, B extends z.ZodType>(type: T, benefit: B, ages: AgeRules<z.infer<B>>) {
  const ageOf = (e: { citizen: { fiscalCode: string; birthDate?: string | undefined }; benefit: z.infer<B> }) =>
    deriveAge(e.citizen.fiscalCode, ages.on(e.benefit), ages.range, e.citizen.birthDate);
  const envelope = z
    .strictObject({
      type: z.literal(type),
      locale,
      externalRef: reference(),
      citizen: citizenInput,
      benefit,
    })
    .superRefine(
      crossChecks((parsed, ctx) => {
        const e = parsed as unknown as LooseEnvelope & { citizen: { fiscalCode: string; birthDate?: string } };
        const derived = ageOf(e as never);
        if (!derived.ok) {
          ctx.addIssue({ code: 'custom', path: ['citizen', e.citizen.birthDate ? 'birthDate' : 'fiscalCode'], message: derived.reason });
          return;
        }
        ages.check?.(
          e.benefit as z.infer<B>,
          derived.age,
          (path, message) => ctx.addIssue({ code: 'custom', path: ['benefit', ...path], message }),
          derived.born,
        );
      }),
    );
  const guide = z.strictObject({
    type: z.literal(type),
    locale,
    citizen: citizenPublic,
    benefit,
  });
  /** The guide from a valid envelope: the fiscal code, birth date and external ref dropped, the age kept. */
  const toGuide = (input: z.input<typeof envelope> | z.infer<typeof envelope>): z.infer<typeof guide> => {
    const e = input as unknown as LooseEnvelope;
    const derived = ageOf(e as never);
    if (!derived.ok) throw new Error(`toGuide needs a validated envelope: ${derived.reason}`);
    const { fiscalCode: _fc, birthDate: _bd, ...rest } = e.citizen!;
    return { type: e.type, locale: e.locale ?? 'it', citizen: { ...rest, age: derived.age }, benefit: e.benefit } as z.infer<typeof guide>;
  };
  return { envelope, guide, toGuide };
}

/** A public guide (SFL): the same for everybody, so no citizen at all. */
export function publicGuide<T extends GuideType, B extends z.ZodType>(type: T, benefit: B) {
  const envelope = z.strictObject({ type: z.literal(type), locale, externalRef: reference(), benefit });
  const guide = z.strictObject({ type: z.literal(type), locale, benefit });
  const toGuide = (input: z.input<typeof envelope> | z.infer<typeof envelope>): z.infer<typeof guide> => {
    const e = input as unknown as LooseEnvelope;
    return { type: e.type, locale: e.locale ?? 'it', benefit: e.benefit } as z.infer<typeof guide>;
  };
  return { envelope, guide, toGuide };
}
