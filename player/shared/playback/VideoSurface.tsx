import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import type { Playback, PlaybackEvent } from './playback';

const FPS = 30;

/** The rendered MP4 behind the same Playback interface: overlays cannot tell the difference. */
function fromVideo(v: HTMLVideoElement): Playback {
  const frame = () => Math.floor(v.currentTime * FPS + 1e-6);
  return {
    play: () => void v.play().catch(() => undefined),
    pause: () => v.pause(),
    seekTo: (f) => {
      v.currentTime = f / FPS;
    },
    getCurrentFrame: frame,
    isPlaying: () => !v.paused && !v.ended,
    setVolume: (x) => {
      v.volume = x;
    },
    getVolume: () => v.volume,
    mute: () => {
      v.muted = true;
    },
    unmute: () => {
      v.muted = false;
    },
    isMuted: () => v.muted,
    requestFullscreen: () => void v.parentElement?.requestFullscreen?.().catch(() => undefined),
    on(event: PlaybackEvent, listener: (f: number) => void) {
      const native: Partial<Record<PlaybackEvent, string>> = {
        play: 'play',
        pause: 'pause',
        seeked: 'seeked',
        ended: 'ended',
        volumechange: 'volumechange',
        waiting: 'waiting',
        resume: 'playing',
      };
      if (event === 'frameupdate') {
        // Per displayed frame while playing, like the live player's frameupdate.
        let raf = 0;
        let last = -1;
        const tick = () => {
          const f = frame();
          if (f !== last) listener((last = f));
          raf = v.paused ? 0 : requestAnimationFrame(tick);
        };
        const start = () => {
          if (!raf) raf = requestAnimationFrame(tick);
        };
        const once = () => listener(frame());
        v.addEventListener('play', start);
        v.addEventListener('seeked', once);
        return () => {
          cancelAnimationFrame(raf);
          v.removeEventListener('play', start);
          v.removeEventListener('seeked', once);
        };
      }
      const name = event === 'mutechange' ? 'volumechange' : native[event];
      if (!name) return () => undefined;
      const cb = () => listener(frame());
      v.addEventListener(name, cb);
      return () => v.removeEventListener(name, cb);
    },
  };
}

export interface VideoSurfaceProps {
  src: string;
  poster: string;
  initialFrame: number;
  playbackRate: number;
  label: string;
}

/** Loaded only when the citizen chose the rendered video: its own chunk. */
const VideoSurface = forwardRef<Playback | null, VideoSurfaceProps>(({ src, poster, initialFrame, playbackRate, label }, ref) => {
  const video = useRef<HTMLVideoElement>(null);
  const api = useRef<Playback | null>(null);
  useImperativeHandle(ref, () => {
    api.current ??= video.current ? fromVideo(video.current) : null;
    return api.current!;
  }, []);
  useEffect(() => {
    if (video.current) video.current.playbackRate = playbackRate;
  }, [playbackRate]);
  useEffect(() => {
    if (video.current && initialFrame > 0) video.current.currentTime = initialFrame / FPS;
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- only where the citizen left off, once
  // No native controls and no <track>: the page draws its own, from the same storyboard as the live player.
  return (
    <video
      ref={video}
      src={src}
      poster={poster}
      preload="metadata"
      playsInline
      aria-label={label}
      style={{ width: '100%', aspectRatio: '16 / 9', display: 'block', background: '#000' }}
    />
  );
});
export default VideoSurface;
