import { useEffect, useRef } from 'react';
import { sceneAt, type GuideModel } from './guide-model';
import type { ViewTracker } from './events/tracker';
import type { Playback } from './playback/playback';
import { saveFrame } from './resume';

const SAVE_EVERY_MS = 2_000;

/**
 * What playback itself reports: play, pause, progress, complete, and the resume position. Seeks,
 * chapter jumps and clicks are reported where the citizen makes them (the player also "seeks" on
 * its own, e.g. when the narration changes the layout).
 */
export function usePlaybackEvents(o: {
  playback: Playback | null;
  model: GuideModel;
  tracker: ViewTracker;
  tokenKey: string;
  onEnded(): void;
  onRewound(): void;
}): void {
  const model = useRef(o.model);
  model.current = o.model;
  const cb = useRef(o);
  cb.current = o;
  useEffect(() => {
    const p = o.playback;
    if (!p) return;
    const { tracker, tokenKey } = o;
    const scene = (f: number) => sceneAt(model.current.storyboard, f).id;
    const last = () => model.current.durationInFrames - 1;
    let savedAt = 0;
    const save = (f: number) => {
      savedAt = Date.now();
      saveFrame(tokenKey, model.current.storyboard, f);
    };
    const offs = [
      p.on('play', (f) => tracker.track('play', { frame: f, sceneId: scene(f) })),
      p.on('pause', (f) => {
        if (f < last()) tracker.track('pause', { frame: f, sceneId: scene(f) });
        save(f);
      }),
      p.on('frameupdate', (f) => {
        if (!p.isPlaying()) return;
        tracker.progress(f);
        if (Date.now() - savedAt > SAVE_EVERY_MS) save(f);
      }),
      p.on('seeked', (f) => {
        if (f < last()) cb.current.onRewound();
      }),
      p.on('ended', (f) => {
        tracker.complete(f);
        save(last());
        cb.current.onEnded();
      }),
    ];
    const hide = () => save(p.getCurrentFrame());
    addEventListener('pagehide', hide);
    return () => {
      offs.forEach((off) => off());
      removeEventListener('pagehide', hide);
    };
  }, [o.playback]); // eslint-disable-line react-hooks/exhaustive-deps -- subscribes once per playback: tracker and tokenKey are the page's for its life, the model and callbacks are read through refs
}
