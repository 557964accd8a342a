import React, { forwardRef, useEffect, useImperativeHandle, useMemo, useRef } from 'react';
import { Player, type PlayerRef } from '@remotion/player';
import { useBufferState } from 'remotion';
import type { NarrationTrack } from '../../../compositions/common/video-props';
import type { Storyboard } from '../../../compositions/common/storyboard-types';
import { HEIGHT, WIDTH } from '../../../compositions/scenes/ui/geometry';
import { StoryboardVideo } from '../../../compositions/video/storyboard-video';
import { usePrefersReducedMotion } from './hooks';
import { fromRemotionPlayer, type Playback } from './playback';

interface LiveProps {
  storyboard: Storyboard;
  narration?: NarrationTrack;
  /** Playing, but holding at the current frame (Remotion's buffering) until the narration arrives. */
  hold: boolean;
  reducedMotion: boolean;
  [key: string]: unknown;
}

/**
 * The guide's composition, plus a hold: the citizen's click starts the player inside the gesture
 * (so phones allow sound), and the clock waits here until the voice is ready.
 */
const LiveGuide: React.FC<LiveProps> = ({ storyboard, narration, hold, reducedMotion }) => {
  const buffer = useBufferState();
  useEffect(() => {
    if (!hold) return;
    const handle = buffer.delayPlayback();
    return () => handle.unblock();
  }, [hold, buffer]);
  return <StoryboardVideo storyboard={storyboard} reducedMotion={reducedMotion} {...(narration ? { narration } : {})} />;
};

export interface LiveSurfaceProps {
  /** The storyboard the overlays read too (measured narration included): drawn, not recomputed. */
  storyboard: Storyboard;
  narration: NarrationTrack | null;
  durationInFrames: number;
  initialFrame: number;
  playbackRate: number;
  hold: boolean;
  label: string;
}

/**
 * The guide's composition drawn live in the browser from its data: watchable the moment the guide
 * exists, before any render, with the narration's scene clips played in sync by the composition.
 * No built-in controls: the page draws larger, labelled ones.
 */
export const LiveSurface = forwardRef<Playback | null, LiveSurfaceProps>(
  ({ storyboard, narration, durationInFrames, initialFrame, playbackRate, hold, label }, ref) => {
    const player = useRef<PlayerRef>(null);
    const api = useRef<Playback | null>(null);
    useImperativeHandle(ref, () => {
      api.current ??= player.current ? fromRemotionPlayer(player.current as never) : null;
      return api.current!;
    }, []);
    const reducedMotion = usePrefersReducedMotion();
    const inputProps = useMemo<LiveProps>(
      () => (narration ? { storyboard, narration, hold, reducedMotion } : { storyboard, hold, reducedMotion }),
      [storyboard, narration, hold, reducedMotion],
    );
    return (
      <div role="img" aria-label={label} className="vg-surface">
        <Player
          ref={player}
          component={LiveGuide as never}
          inputProps={inputProps}
          durationInFrames={durationInFrames}
          fps={30}
          compositionWidth={WIDTH}
          compositionHeight={HEIGHT}
          initialFrame={Math.min(initialFrame, durationInFrames - 1)}
          playbackRate={playbackRate}
          controls={false}
          clickToPlay={false}
          doubleClickToFullscreen={false}
          spaceKeyToPlayOrPause={false}
          moveToBeginningWhenEnded={false}
          style={{ width: '100%', aspectRatio: `${WIDTH} / ${HEIGHT}` }}
        />
      </div>
    );
  },
);
