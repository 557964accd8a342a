import { GUIDE_TYPES, type GuideType } from '../common/envelope';
import type { EnvelopeInput } from '../guide-types';
import { GENERATORS } from './registry';
import { Rng } from './rng';

export type GenerateType = GuideType | 'all';

/**
 * Reproducible envelopes: envelope i depends only on (seed, type, i), so any slice can be regenerated
 * alone. Within a type, consecutive envelopes walk that type's edge cases in turn.
 */
export function* generateEnvelopes(type: GenerateType, count: number, seed: string | number): Generator<EnvelopeInput> {
  const perType = new Map<GuideType, number>();
  const tag =
    String(seed)
      .replace(/[^A-Za-z0-9]/g, '')
      .slice(0, 12) || '0';
  for (let i = 0; i < count; i++) {
    const t = type === 'all' ? GUIDE_TYPES[i % GUIDE_TYPES.length]! : type;
    const k = perType.get(t) ?? 0;
    perType.set(t, k + 1);
    const rng = new Rng(`${seed}:${t}:${k}`);
    const envelope = GENERATORS[t](rng, k);
    // Unique within a seed, so a campaign upload never collides on externalRef.
    envelope.externalRef = `${t.toUpperCase()}-${tag}-${String(k).padStart(7, '0')}`;
    yield envelope;
  }
}
