import React from 'react';
import { AbsoluteFill, Audio, Sequence, staticFile } from 'remotion';
import { LEAD_IN_FRAMES } from '../common/storyboard-build';
import type { Storyboard } from '../common/storyboard-types';
import type { NarrationTrack } from '../common/video-props';
import { SceneView } from '../scenes/scene-view';
import { FontGate } from '../scenes/ui/font-gate';

export interface StoryboardVideoProps {
  storyboard: Storyboard;
  narration?: NarrationTrack;
  /**
   * Still presenter and background (the citizen's "reduce motion" setting, live playback only): the
   * base holds its first loop frame; layers still fade, which is not motion.
   */
  reducedMotion?: boolean;
}

/** Absolute URLs and root paths are used as given; anything else is a file in assets/. */
const audioSrc = (src: string): string => (/^(https?:|data:|blob:|\/)/.test(src) ? src : staticFile(src));

/**
 * A storyboard's scenes in sequence, each with its narration clip when known. It imports no guide
 * type, so the browser loads only the type of the guide it plays.
 */
export const StoryboardVideo: React.FC<StoryboardVideoProps> = ({ storyboard, narration, reducedMotion = false }) => (
  <FontGate>
    <AbsoluteFill style={{ backgroundColor: '#ffffff' }}>
      {storyboard.scenes.map((scene) => {
        const clip = narration?.audio?.[scene.id];
        return (
          <Sequence key={scene.id} name={scene.id} from={scene.from} durationInFrames={scene.durationInFrames}>
            <SceneView scene={scene} storyboard={storyboard} stillBase={reducedMotion} />
            {clip ? (
              <Sequence from={LEAD_IN_FRAMES} layout="none">
                <Audio src={audioSrc(clip)} />
              </Sequence>
            ) : null}
          </Sequence>
        );
      })}
    </AbsoluteFill>
  </FontGate>
);
