import type { Locale, Localized } from './locale';
import type { Theme } from './theme';
import { defaultTheme } from './theme';
import type { Action, Scene, SceneByKind, SceneKind, Storyboard } from './storyboard-types';
import { FPS } from './storyboard-types';

/** Every scene opens with a short breath before speech and ends on a pause (no cut mid-sentence). */
export const LEAD_IN_FRAMES = 12;
export const PAUSE_FRAMES = 30;

// Estimated speaking rate (characters per second) for a calm, clear delivery. Narration
// synthesis replaces the estimate with the measured length of each clip.
const CHARS_PER_SECOND: Record<Locale, number> = { it: 13.5, en: 14.5 };

export function estimateNarrationFrames(text: string, locale: Locale): number {
  return Math.ceil((text.length / CHARS_PER_SECOND[locale]) * FPS);
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An action as a scene author writes it: its window as fractions of the scene's length. */
export type ActionDraft = DistributiveOmit<Action, 'startFrame' | 'endFrame'> & { window: [number, number] };

export type SceneDraft = {
  [K in SceneKind]: {
    id: string;
    kind: K;
    title: Localized;
    narration: Localized;
    content: SceneByKind[K];
    actions?: ActionDraft[];
    deps: string[];
    /** The scene's visuals need at least this long (animations, many rows). */
    minSeconds?: number;
  };
}[SceneKind];

export interface StoryboardOptions {
  theme?: Theme;
  /** Measured narration length per scene id, in frames; estimated from the text when absent. */
  narrationFrames?: Record<string, number>;
}

export interface StoryboardMeta {
  type: string;
  version: string;
  locale: Locale;
  presenter: Storyboard['presenter'];
  /** Extra deps every scene has, e.g. the presenter figure chosen from the recipient. */
  commonDeps?: string[];
}

export function assembleStoryboard(meta: StoryboardMeta, drafts: SceneDraft[], options: StoryboardOptions = {}): Storyboard {
  let from = 0;
  const ids = new Set<string>();
  const scenes = drafts.map((draft): Scene => {
    if (ids.has(draft.id)) throw new Error(`duplicate scene id ${draft.id}`);
    ids.add(draft.id);
    const speech = options.narrationFrames?.[draft.id] ?? estimateNarrationFrames(draft.narration[meta.locale], meta.locale);
    const durationInFrames = Math.max(Math.ceil((draft.minSeconds ?? 0) * FPS), LEAD_IN_FRAMES + speech + PAUSE_FRAMES);
    const actions = (draft.actions ?? []).map((a): Action => {
      const { window, ...rest } = a;
      const startFrame = Math.max(0, Math.floor(window[0] * durationInFrames));
      const endFrame = Math.min(durationInFrames, Math.max(startFrame + 1, Math.round(window[1] * durationInFrames)));
      return { ...rest, startFrame, endFrame } as Action;
    });
    const deps = [...new Set([...(meta.commonDeps ?? []), ...draft.deps])].sort();
    const scene = { ...draft, from, durationInFrames, actions, deps } as Scene & { minSeconds?: number };
    delete scene.minSeconds;
    from += durationInFrames;
    return scene;
  });
  return {
    type: meta.type,
    version: meta.version,
    locale: meta.locale,
    fps: FPS,
    presenter: meta.presenter,
    durationInFrames: from,
    scenes,
  };
}

export const themeOf = (options?: StoryboardOptions): Theme => options?.theme ?? defaultTheme;
