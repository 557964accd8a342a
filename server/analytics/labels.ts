import { GUIDE_TYPES } from '../../compositions/common/envelope';
import { generateEnvelopes } from '../../compositions/generator/generate';
import { envelopeSchema, publicPart, storyboardOf } from '../../compositions/guide-types';

export interface TypeLabels {
  scenes: Record<string, string>;
  actions: Record<string, string>;
}

let cache: Record<string, TypeLabels> | undefined;

/**
 * Italian titles of scenes and labels of actions, per guide type, for the analysts' tables. Scene and
 * action ids are stable within a type and their titles hold no personal data; some scenes appear only
 * for some data (a pensioner's deduction type), so the storyboards of a few generated guides are merged.
 */
export function labelsByType(): Record<string, TypeLabels> {
  if (cache) return cache;
  const out: Record<string, TypeLabels> = {};
  for (const type of GUIDE_TYPES) {
    const labels: TypeLabels = { scenes: {}, actions: {} };
    for (const envelope of generateEnvelopes(type, 24, 'analytics-labels')) {
      const parsed = envelopeSchema.safeParse(envelope);
      if (!parsed.success) continue;
      for (const scene of storyboardOf(publicPart(parsed.data)).scenes) {
        labels.scenes[scene.id] ??= scene.title.it;
        for (const a of scene.actions) labels.actions[a.id] ??= a.label.it;
      }
    }
    out[type] = labels;
  }
  cache = out;
  return out;
}
