import { captionCues, type Cue } from '../../compositions/captions';
import type { Locale } from '../../compositions/common/locale';
import type { Action, Scene, Storyboard } from '../../compositions/common/storyboard-types';
import { loadedGuideType } from './guide-types';
import type { Manifest } from './manifest';

/** An action with its window in guide frames (the storyboard keeps them scene-relative). */
export interface TimedAction {
  action: Action;
  sceneId: string;
  from: number;
  to: number;
}

export interface GuideModel {
  storyboard: Storyboard;
  cues: Cue[];
  actions: TimedAction[];
  durationInFrames: number;
}

/** Everything the overlays read, from the same storyboard the composition draws. */
export function guideModel(m: Manifest): GuideModel {
  const storyboard = loadedGuideType(m.guide.type).storyboard(m.guide, m.narration ? { narrationFrames: m.narration.frames } : undefined);
  const cues = captionCues(storyboard, storyboard.locale, m.narration?.sentences);
  const actions = storyboard.scenes.flatMap((s) =>
    s.actions.map((action) => ({ action, sceneId: s.id, from: s.from + action.startFrame, to: s.from + Math.min(action.endFrame, s.durationInFrames) })),
  );
  return { storyboard, cues, actions, durationInFrames: storyboard.durationInFrames };
}

export const sceneAt = (sb: Storyboard, frame: number): Scene =>
  sb.scenes.find((s) => frame >= s.from && frame < s.from + s.durationInFrames) ?? sb.scenes[sb.scenes.length - 1]!;

export const cueAt = (cues: Cue[], frame: number): Cue | undefined => cues.find((c) => frame >= c.startFrame && frame < c.endFrame);

export const actionsAt = (actions: TimedAction[], frame: number): TimedAction[] => actions.filter((a) => frame >= a.from && frame < a.to);

/** The same place in another layout of the guide (the narration arrived): same scene, same offset. */
export function mapFrame(from: Storyboard, to: Storyboard, frame: number): number {
  const s = sceneAt(from, frame);
  const t = to.scenes.find((x) => x.id === s.id);
  if (!t) return Math.min(frame, to.durationInFrames - 1);
  return t.from + Math.min(frame - s.from, t.durationInFrames - 1);
}

export const label = (l: Record<Locale, string>, lang: Locale) => l[lang];
