import { createHash } from 'node:crypto';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { writeAtomic } from '../server/files/atomic-write';
import { splitSentences } from '../compositions/common/sentences';
import { LEAD_IN_FRAMES } from '../compositions/common/storyboard-build';
import type { Storyboard } from '../compositions/common/storyboard-types';
import type { Theme } from '../compositions/common/theme';
import type { NarrationTrack } from '../compositions/common/video-props';
import { storyboardOf, type Guide } from '../compositions/guide-types';
import type { Clip, ClipCache } from './clip-cache';
import { speakable, type SpeakableOptions } from './speakable';
import { framesToBytes, pcmToWav, silence } from './wav';

/** Silence between two sentences of a scene: a calm breath, long enough to mark the full stop. */
export const SENTENCE_GAP_FRAMES = 12;

export interface NarrateOptions {
  cache: ClipCache;
  theme?: Theme;
  lexicon?: SpeakableOptions['lexicon'];
  /** Where scene WAVs go; by default beside the clips, in <cache dir>/scenes. */
  sceneDir?: string;
  /** How the composition and the player reach a scene's WAV (e.g. a media route); fills track.audio. */
  audioUrl?: (file: string, sceneId: string) => string;
}

export interface SentenceNarration {
  /** As written: the caption cue's text. */
  text: string;
  /** As spoken (speakable.ts). */
  speech: string;
  /** Scene-relative frames, speech from startFrame (inclusive) to endFrame (exclusive). */
  startFrame: number;
  endFrame: number;
  clip: string;
  fresh: boolean;
}

export interface SceneNarration {
  sceneId: string;
  /** First frame of the scene in the final storyboard. */
  from: number;
  durationInFrames: number;
  /** Spoken length: first sentence start to last sentence end. */
  speechFrames: number;
  sentences: SentenceNarration[];
  /**
   * 48 kHz mono WAV of the scene from its first sentence (LEAD_IN_FRAMES into the scene, where
   * GuideVideo starts each scene's clip) to the scene's end: durationInFrames − LEAD_IN_FRAMES long.
   */
  audioPath: string;
}

export interface GuideNarration {
  /** The storyboard laid out on the measured speech: what the video, the captions and the player use. */
  storyboard: Storyboard;
  track: NarrationTrack;
  scenes: SceneNarration[];
  stats: { sentences: number; synthesized: number };
}

/** Speaks a guide: every scene's sentences through the clip cache, laid out on the final storyboard. */
export async function narrateGuide(guide: Guide, options: NarrateOptions): Promise<GuideNarration> {
  const { cache, theme } = options;
  const draft = storyboardOf(guide, theme ? { theme } : undefined);
  const locale = draft.locale;
  const voice = draft.presenter;
  const spoken = { ...(theme ? { theme } : {}), ...(options.lexicon ? { lexicon: options.lexicon } : {}) };

  const perScene = await Promise.all(
    draft.scenes.map((scene) =>
      Promise.all(
        splitSentences(scene.narration[locale]).map(async (text) => {
          const speech = speakable(text, locale, spoken);
          // A scene that depends on no field of the guide says nothing personal: its clips may be shared between hosts.
          return { text, speech, clip: await cache.get({ text: speech, locale, voice, shareable: scene.deps.length === 0 }) };
        }),
      ),
    ),
  );

  const narrationFrames: Record<string, number> = {};
  const laidOut = draft.scenes.map((scene, i) => {
    let at = LEAD_IN_FRAMES;
    const sentences = perScene[i]!.map(({ text, speech, clip }, k) => {
      const startFrame = at + (k === 0 ? 0 : SENTENCE_GAP_FRAMES);
      at = startFrame + clip.frames;
      return { text, speech, startFrame, endFrame: at, clip };
    });
    narrationFrames[scene.id] = at - LEAD_IN_FRAMES;
    return sentences;
  });

  const storyboard = storyboardOf(guide, { ...(theme ? { theme } : {}), narrationFrames });
  const sceneDir = path.resolve(options.sceneDir ?? path.join(cache.dir, 'scenes'));
  const scenes = await Promise.all(
    storyboard.scenes.map(async (scene, i): Promise<SceneNarration> => {
      if (scene.id !== draft.scenes[i]?.id) throw new Error(`expected scene ${draft.scenes[i]?.id} at position ${i}, got ${scene.id}`);
      const sentences = laidOut[i]!;
      const audioPath = await writeSceneAudio(sceneDir, scene.durationInFrames - LEAD_IN_FRAMES, sentences);
      return {
        sceneId: scene.id,
        from: scene.from,
        durationInFrames: scene.durationInFrames,
        speechFrames: narrationFrames[scene.id]!,
        sentences: sentences.map(({ clip, ...s }) => ({ ...s, clip: clip.key, fresh: clip.fresh })),
        audioPath,
      };
    }),
  );

  const track: NarrationTrack = {
    frames: narrationFrames,
    sentences: Object.fromEntries(scenes.map((s) => [s.sceneId, s.sentences.map(({ text, startFrame, endFrame }) => ({ text, startFrame, endFrame }))])),
    ...(options.audioUrl ? { audio: Object.fromEntries(scenes.map((s) => [s.sceneId, options.audioUrl!(s.audioPath, s.sceneId)])) } : {}),
  };
  const stats = {
    sentences: scenes.reduce((n, s) => n + s.sentences.length, 0),
    synthesized: scenes.reduce((n, s) => n + s.sentences.filter((x) => x.fresh).length, 0),
  };
  cache.log.info({ type: guide.type, locale, voice, scenes: scenes.length, ...stats, frames: storyboard.durationInFrames }, 'guide narrated');
  return { storyboard, track, scenes, stats };
}

/** A scene's WAV is named by what it contains, so scenes without personal data share one file too. */
async function writeSceneAudio(dir: string, frames: number, sentences: { startFrame: number; clip: Clip }[]): Promise<string> {
  const id = createHash('sha256')
    .update(JSON.stringify(['from-lead-in', frames, sentences.map((s) => [s.startFrame, s.clip.key])]))
    .digest('hex');
  const file = path.join(dir, `${id}.wav`);
  try {
    await access(file);
    return file;
  } catch {
    // not there yet: write it below
  }
  const pcm = silence(frames);
  for (const s of sentences) {
    const at = framesToBytes(s.startFrame - LEAD_IN_FRAMES);
    if (at + s.clip.pcm.length > pcm.length) throw new Error(`expected the scene's ${frames} frames after the lead-in to hold its narration`);
    s.clip.pcm.copy(pcm, at);
  }
  await writeAtomic(file, pcmToWav(pcm));
  return file;
}
