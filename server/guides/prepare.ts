import type { FieldError } from '../../compositions/common/validation';
import { GUIDE_TYPE_DEFINITIONS, envelopeSchema, storyboardOf, type Envelope, type Guide, publicPart } from '../../compositions/guide-types';
import type { GuideType } from '../../compositions/common/envelope';
import { fiscalCodeHmac } from '../fiscal-code-hmac';
import { storableTextProblems } from './storable-text';
import { explain, type ExplainOptions } from './field-errors';

/** An envelope turned into what is stored: public data, the fiscal code's HMAC, the duration. */
export interface PreparedGuide {
  externalRef: string;
  data: Guide;
  fiscalCodeHmac: string | null;
  durationFrames: number;
}

export type Checked = { ok: true; envelope: Envelope } | { ok: false; errors: FieldError[] };

/**
 * Validates one envelope. With `expectedType` (a campaign's), a missing type is filled in and a
 * different one is refused, and the type's own schema is used directly (faster than the union).
 * `options.shown: 'kind'` keeps every received value out of the messages (field-errors.ts).
 */
export function checkEnvelope(input: unknown, expectedType?: GuideType, options: ExplainOptions = {}): Checked {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return {
      ok: false,
      errors: [
        { field: '(root)', message: `expected a JSON object (an envelope), got ${Array.isArray(input) ? 'an array' : input === null ? 'null' : typeof input}` },
      ],
    };
  }
  if (!expectedType) return checked(explain(envelopeSchema, input, options));
  const given = (input as { type?: unknown }).type;
  if (given === undefined) input = { ...input, type: expectedType };
  else if (given !== expectedType) {
    const got = options.shown === 'kind' ? `a ${typeof given}` : JSON.stringify(given).slice(0, 40);
    return { ok: false, errors: [{ field: 'type', message: `expected "${expectedType}" (the campaign's guide type), got ${got}` }] };
  }
  return checked(explain(GUIDE_TYPE_DEFINITIONS[expectedType].envelope, input, options));
}

/** Valid by the type's schema, and storable: no string PostgreSQL's jsonb would refuse (NUL, lone surrogates). */
function checked(r: { ok: true; value: unknown } | { ok: false; errors: FieldError[] }): Checked {
  if (!r.ok) return r;
  const problems = storableTextProblems(r.value);
  return problems.length ? { ok: false, errors: problems } : { ok: true, envelope: r.value as Envelope };
}

export function prepareGuide(envelope: Envelope, hmacKey: string): PreparedGuide {
  // publicPart drops exactly the fields the guide schema lacks, so the result is a valid Guide.
  const data = publicPart(envelope) as Guide;
  return {
    externalRef: envelope.externalRef,
    data,
    fiscalCodeHmac: 'citizen' in envelope ? fiscalCodeHmac(hmacKey, envelope.citizen.fiscalCode) : null,
    durationFrames: storyboardOf(data).durationInFrames,
  };
}
