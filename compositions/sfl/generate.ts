import type { z } from 'zod';
import { externalRef } from '../generator/people';
import type { Rng } from '../generator/rng';
import { SFL_EDITIONS } from './rules';
import type { sfl } from './schema';

/** The current edition mostly; every known edition in turn first (2025, 2026, 2023, 2024). */
export function generateSfl(rng: Rng, variant: number): z.input<typeof sfl.envelope> {
  const edition = variant < 4 ? [2025, 2026, 2023, 2024][variant]! : rng.chance(0.8) ? 2025 : rng.pick([2023, 2024, 2026]);
  return { type: 'sfl', locale: rng.chance(0.8) ? 'it' : 'en', externalRef: externalRef(rng, 'SFL'), benefit: { edition, ...SFL_EDITIONS[edition]! } };
}
