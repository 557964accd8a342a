import { FPS } from '../../compositions/common/storyboard-types';
import type { NarrationTrack } from '../../compositions/common/video-props';
import type { AccessManifest } from '../../contract/access-manifest';
import { GUIDE_TYPE_DEFINITIONS, type Guide } from '../../compositions/guide-types';
import type { AccessRow } from '../../server/db/tokens';
import { liveTimeline } from './chapters';
import type { NarrationState } from './live-narration';

export const MEDIA_FILES = {
  'video.mp4': 'video/mp4',
  'audio.m4a': 'audio/mp4',
  'poster.jpg': 'image/jpeg',
  'captions.vtt': 'text/vtt; charset=utf-8',
  'captions.it.vtt': 'text/vtt; charset=utf-8',
  'captions.en.vtt': 'text/vtt; charset=utf-8',
  'chapters.json': 'application/json; charset=utf-8',
} as const;
export type MediaFile = keyof typeof MEDIA_FILES;

/**
 * A scene's live narration, as Opus in WebM (32 kb/s); the player asks for the same name in .m4a
 * (AAC) where the browser cannot play Opus, and .wav stays available for tools.
 */
export const narrationAudioUrl = (token: string, sceneId: string, hash: string) => `/api/media/${token}/narration/${sceneId}-${hash}.webm`;

/** The answer, typed by the one contract (contract/access-manifest.ts) with the guide as its type's own. */
export type Manifest = Omit<AccessManifest, 'guide'> & { guide: Guide };

function narrationOf(row: AccessRow, token: string, state: NarrationState): NarrationTrack | null {
  if (state.status !== 'ready') return row.narration;
  const audio = Object.fromEntries([...state.live.scenes].map(([sceneId, a]) => [sceneId, narrationAudioUrl(token, sceneId, a.hash)]));
  return { ...state.live.track, audio };
}

export function buildManifest(row: AccessRow, token: string, state: NarrationState = { status: 'unavailable' }): Manifest {
  const narration = narrationOf(row, token, state);
  const timeline = liveTimeline(row.guide_id, row.type_version, row.data, narration);
  const base = `/api/media/${token}`;
  const expires = row.expires_at < row.guide_expires_at ? row.expires_at : row.guide_expires_at;
  return {
    type: row.type,
    typeVersion: row.type_version,
    locale: row.locale,
    title: GUIDE_TYPE_DEFINITIONS[row.type].title[row.locale],
    status: row.status,
    guide: row.data,
    fps: FPS,
    durationInFrames: timeline.durationInFrames,
    chapters: timeline.chapters,
    narration,
    narrationStatus: state.status,
    media:
      row.status === 'ready'
        ? {
            video: `${base}/video.mp4`,
            audio: `${base}/audio.m4a`,
            poster: `${base}/poster.jpg`,
            captions: `${base}/captions.vtt`,
            captionsByLocale: { it: `${base}/captions.it.vtt`, en: `${base}/captions.en.vtt` },
            chapters: `${base}/chapters.json`,
          }
        : null,
    expiresAt: expires.toISOString(),
  };
}
