import type { NarrationTrack } from '../../compositions/common/video-props';

type CanPlay = (mime: string) => string;

const browserCanPlay: CanPlay = (mime) => (typeof document === 'undefined' ? '' : document.createElement('audio').canPlayType(mime));

/**
 * The manifest lists each scene's narration as Opus in WebM, a twenty-fourth of the WAV's size;
 * a browser that cannot play it (older Safari) gets the same scene as AAC in MP4.
 */
export function playableNarration(track: NarrationTrack, canPlay: CanPlay = browserCanPlay): NarrationTrack {
  if (!track.audio || canPlay('audio/webm; codecs="opus"') !== '') return track;
  const audio = Object.fromEntries(Object.entries(track.audio).map(([scene, url]) => [scene, url.replace(/\.webm$/, '.m4a')]));
  return { ...track, audio };
}
