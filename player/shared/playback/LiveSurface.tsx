import React, { forwardRef, useImperativeHandle, useMemo, useRef } from 'react';
import { Player, type PlayerRef } from '@remotion/player';
import type { NarrationTrack } from '../../../compositions/common/video-props';
import type { Guide } from '../../../compositions/guide-types';
import { HEIGHT, WIDTH } from '../../../compositions/scenes/ui/geometry';
import { GuideVideo } from '../../../compositions/video/guide-video';
import { fromRemotionPlayer, type Playback } from './playback';

export interface LiveSurfaceProps {
  guide: Guide;
  narration: NarrationTrack | null;
  durationInFrames: number;
  initialFrame: number;
  playbackRate: number;
  label: string;
}

/**
 * The guide's composition drawn live in the browser from its data: watchable the moment the guide
 * exists, before any render, with the narration's scene clips played in sync by the composition.
 * No built-in controls: the page draws larger, labelled ones.
 */
export const LiveSurface = forwardRef<Playback | null, LiveSurfaceProps>(({ guide, narration, durationInFrames, initialFrame, playbackRate, label }, ref) => {
  const player = useRef<PlayerRef>(null);
  const api = useRef<Playback | null>(null);
  useImperativeHandle(ref, () => {
    api.current ??= player.current ? fromRemotionPlayer(player.current as never) : null;
    return api.current!;
  }, []);
  const inputProps = useMemo(() => (narration ? { guide, narration } : { guide }), [guide, narration]);
  return (
    <div role="img" aria-label={label} className="vg-surface">
      <Player
        ref={player}
        component={GuideVideo as never}
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
});
