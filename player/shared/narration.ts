import { useCallback, useEffect, useRef, useState } from 'react';
import { guideModel, mapFrame, type GuideModel } from './guide-model';
import { fetchNarrated, type Manifest } from './manifest';
import type { Playback } from './playback/playback';

// How long a press on play waits for a narration still being synthesised before playing silently.
const AUDIO_WAIT_MS = 8_000;

/**
 * The manifest, replaced by its narrated version once the server has synthesised the voice (a
 * guide opened right after its creation). The citizen's place is kept: same scene, same offset.
 * `holdForVoice` is called when play is pressed meanwhile: `waiting` holds the picture until the
 * voice arrives, AUDIO_WAIT_MS at most (then captions only; the voice joins when it comes).
 */
export function useNarratedManifest(
  initial: Manifest,
  token: string,
  playback: Playback | null,
  model: { current: GuideModel },
): { manifest: Manifest; waiting: boolean; holdForVoice(): void } {
  const [manifest, setManifest] = useState(initial);
  const [waiting, setWaiting] = useState(false);
  const narrated = useRef<Promise<Manifest | null> | null>(null);
  const afterSwap = useRef<number | null>(null);
  const playbackRef = useRef(playback);
  playbackRef.current = playback;

  useEffect(() => {
    // A rendered guide plays its MP4, sound included: nothing to wait for.
    if (initial.narrationStatus !== 'pending' || initial.media) return;
    const ctrl = new AbortController();
    narrated.current = fetchNarrated(token, ctrl.signal).catch(() => null);
    void narrated.current.then((m) => {
      if (!m || ctrl.signal.aborted) return;
      afterSwap.current = mapFrame(model.current.storyboard, guideModel(m).storyboard, playbackRef.current?.getCurrentFrame() ?? 0);
      setManifest(m);
      setWaiting(false);
    });
    return () => ctrl.abort();
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- once, for the manifest the page opened with; the model and playback are read through refs

  useEffect(() => {
    const frame = afterSwap.current;
    if (frame === null || !playback) return;
    afterSwap.current = null;
    if (playback.getCurrentFrame() !== frame) playback.seekTo(frame);
  }, [manifest, playback]);

  const holdForVoice = useCallback(() => {
    if (manifest.narrationStatus !== 'pending' || !narrated.current) return;
    setWaiting(true);
    const timeout = new Promise<null>((r) => setTimeout(() => r(null), AUDIO_WAIT_MS));
    void Promise.race([narrated.current, timeout]).then(() => setWaiting(false));
  }, [manifest]);

  return { manifest, waiting, holdForVoice };
}
