import type { SyntheticEvent } from 'react';

export type PlaybackEvent = 'play' | 'pause' | 'seeked' | 'frameupdate' | 'ended' | 'volumechange' | 'mutechange' | 'waiting' | 'resume';

/**
 * What the page's controls and overlays need from whatever draws the guide: the live composition
 * (@remotion/player) or the rendered MP4. Positions are always composition frames at 30 fps, so the
 * storyboard's time windows, the captions and the events read the same numbers either way.
 */
export interface Playback {
  /** Pass the click's event: browsers let sound start only from a user gesture. */
  play(e?: SyntheticEvent): void;
  pause(): void;
  seekTo(frame: number): void;
  getCurrentFrame(): number;
  isPlaying(): boolean;
  setVolume(volume: number): void;
  getVolume(): number;
  mute(): void;
  unmute(): void;
  isMuted(): boolean;
  requestFullscreen(): void;
  on(event: PlaybackEvent, listener: (frame: number) => void): () => void;
}

/** The structural subset of @remotion/player's PlayerRef this adapter uses. */
interface PlayerLike {
  play(e?: SyntheticEvent): void;
  pause(): void;
  seekTo(frame: number): void;
  getCurrentFrame(): number;
  isPlaying(): boolean;
  setVolume(v: number): void;
  getVolume(): number;
  mute(): void;
  unmute(): void;
  isMuted(): boolean;
  requestFullscreen(): void;
  addEventListener(name: PlaybackEvent, cb: (e: { detail: unknown }) => void): void;
  removeEventListener(name: PlaybackEvent, cb: (e: { detail: unknown }) => void): void;
}

export function fromRemotionPlayer(p: PlayerLike): Playback {
  return {
    play: (e) => p.play(e),
    pause: () => p.pause(),
    seekTo: (f) => p.seekTo(f),
    getCurrentFrame: () => p.getCurrentFrame(),
    isPlaying: () => p.isPlaying(),
    setVolume: (v) => p.setVolume(v),
    getVolume: () => p.getVolume(),
    mute: () => p.mute(),
    unmute: () => p.unmute(),
    isMuted: () => p.isMuted(),
    requestFullscreen: () => p.requestFullscreen(),
    on(event, listener) {
      const cb = (e: { detail: unknown }) => {
        const d = e.detail as { frame?: number } | undefined;
        listener(typeof d?.frame === 'number' ? d.frame : p.getCurrentFrame());
      };
      p.addEventListener(event, cb);
      return () => p.removeEventListener(event, cb);
    },
  };
}
