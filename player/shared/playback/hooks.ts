import { useEffect, useRef, useState } from 'react';
import type { Playback, PlaybackEvent } from './playback';

/**
 * A value derived from the current frame, re-rendering only when the value changes: overlays and
 * captions change a few times a minute, while frames change thirty times a second.
 */
export function useFrameValue<T>(playback: Playback | null, derive: (frame: number) => T, initial: T): T {
  const [value, setValue] = useState<T>(initial);
  const deriveRef = useRef(derive);
  deriveRef.current = derive;
  useEffect(() => {
    if (!playback) return;
    const update = (frame: number) => setValue(deriveRef.current(frame));
    update(playback.getCurrentFrame());
    const offs = (['frameupdate', 'seeked'] as PlaybackEvent[]).map((e) => playback.on(e, update));
    return () => offs.forEach((off) => off());
  }, [playback]);
  // A new derive function (new storyboard, new language) applies at once, not at the next frame.
  useEffect(() => {
    if (playback) setValue(derive(playback.getCurrentFrame()));
  }, [derive]); // eslint-disable-line react-hooks/exhaustive-deps -- a new playback is picked up by the effect above
  return value;
}

export function usePlaying(playback: Playback | null): boolean {
  const [playing, setPlaying] = useState(false);
  useEffect(() => {
    if (!playback) return;
    setPlaying(playback.isPlaying());
    const offs = [playback.on('play', () => setPlaying(true)), playback.on('pause', () => setPlaying(false)), playback.on('ended', () => setPlaying(false))];
    return () => offs.forEach((off) => off());
  }, [playback]);
  return playing;
}

export function useVolume(playback: Playback | null): { volume: number; muted: boolean } {
  const [state, setState] = useState({ volume: 1, muted: false });
  useEffect(() => {
    if (!playback) return;
    const read = () => setState({ volume: playback.getVolume(), muted: playback.isMuted() });
    read();
    const offs = [playback.on('volumechange', read), playback.on('mutechange', read)];
    return () => offs.forEach((off) => off());
  }, [playback]);
  return state;
}

const REDUCE_MOTION = '(prefers-reduced-motion: reduce)';

/** The operating system's "reduce motion" setting, followed live (it can change while the page is open). */
export function usePrefersReducedMotion(): boolean {
  const [reduce, setReduce] = useState(() => typeof matchMedia === 'function' && matchMedia(REDUCE_MOTION).matches);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const query = matchMedia(REDUCE_MOTION);
    const update = () => setReduce(query.matches);
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return reduce;
}
