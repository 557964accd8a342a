import React, { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { Cue } from '../../../compositions/captions';
import type { Storyboard } from '../../../compositions/common/storyboard-types';
import type { Manifest } from '../manifest';
import { clock, type Strings } from '../i18n';
import { cueAt } from '../guide-model';
import { playableNarration } from '../narration-format';
import { useFrameValue } from '../playback/hooks';
import { LiveSurface } from '../playback/LiveSurface';
import type { Playback } from '../playback/playback';
import { Icon } from './icons';

const VideoSurface = lazy(() => import('../playback/VideoSurface'));

export type Source = 'live' | 'video';

export interface StageProps {
  t: Strings;
  manifest: Manifest;
  storyboard: Storyboard;
  source: Source;
  playbackRef(p: Playback | null): void;
  playback: Playback | null;
  durationInFrames: number;
  initialFrame: number;
  rate: number;
  playing: boolean;
  ended: boolean;
  waitingForAudio: boolean;
  audioOnly: boolean;
  cues: Cue[];
  captionsOn: boolean;
  onPlayPause(e: React.MouseEvent): void;
  onStartOver(e: React.MouseEvent): void;
}

/** The picture (live composition or MP4), the big play button over it, and the captions under it. */
export const Stage: React.FC<StageProps> = (p) => {
  const { t } = p;
  const cue = useFrameValue(p.playback, (f) => cueAt(p.cues, f)?.text ?? '', '');
  const [played, setPlayed] = useState(false);
  const narration = useMemo(() => (p.manifest.narration ? playableNarration(p.manifest.narration) : null), [p.manifest.narration]);
  useEffect(() => {
    if (p.playing) setPlayed(true);
  }, [p.playing]);
  const resuming = p.initialFrame > 0 && !played;
  // Paused in the middle: a small button in the corner, so the scene stays readable.
  const compact = played && !p.ended && !p.waitingForAudio;
  const bigLabel = p.waitingForAudio ? t.preparingAudio : p.ended ? t.replay : resuming ? t.resumeFrom(clock(p.initialFrame / 30)) : played ? t.resume : t.play;
  return (
    <div className={`vg-stage${p.audioOnly ? ' vg-audio-only' : ''}`}>
      <div className="vg-picture">
        {p.source === 'video' && p.manifest.media ? (
          <Suspense fallback={null}>
            <VideoSurface
              ref={p.playbackRef}
              src={p.manifest.media.video}
              poster={p.manifest.media.poster}
              initialFrame={p.initialFrame}
              playbackRate={p.rate}
              label={t.video}
            />
          </Suspense>
        ) : (
          <LiveSurface
            ref={p.playbackRef}
            storyboard={p.storyboard}
            narration={narration}
            durationInFrames={p.durationInFrames}
            initialFrame={p.initialFrame}
            playbackRate={p.rate}
            hold={p.waitingForAudio}
            label={t.video}
          />
        )}
        {p.playing && !p.waitingForAudio ? (
          // Touch the picture to pause (the controls below do the same from the keyboard).
          <div className="vg-tap" onClick={p.onPlayPause} aria-hidden="true" />
        ) : (
          <div className={`vg-overlay${compact ? ' vg-overlay-compact' : ''}`}>
            <button type="button" className="vg-bigplay" onClick={p.onPlayPause} aria-busy={p.waitingForAudio} disabled={p.waitingForAudio}>
              <span className="vg-bigplay-circle">
                <Icon name={p.ended ? 'replay' : 'play'} size={compact ? 28 : 40} />
              </span>
              <span className="vg-bigplay-label">{bigLabel}</span>
            </button>
            {resuming && !p.waitingForAudio ? (
              <button type="button" className="vg-startover" onClick={p.onStartOver}>
                {t.startOver}
              </button>
            ) : null}
          </div>
        )}
      </div>
      {p.captionsOn ? (
        <div className="vg-captions" data-testid="captions">
          {cue ? <p>{cue}</p> : <p className="vg-captions-empty">{played ? '\u00a0' : t.captionsHere}</p>}
        </div>
      ) : null}
    </div>
  );
};
