import { z } from 'zod';
import { GUIDE_TYPES } from '../compositions/common/envelope';
import { narrationTrack } from '../compositions/common/video-props';
import { guideStatus, narrationStatus } from './guide-status';

/**
 * What GET /api/access/:token (and /narrated) answers: one schema for the API that builds it
 * (api/access/manifest.ts), the player that parses it (player/shared/manifest.ts), the OpenAPI
 * document and the response-contract test. Browser-safe: zod and compositions/ only.
 */
const mediaPath = z.string().regex(/^\/api\/media\//, 'expected a media path on this server');

export const chapter = z.object({
  /** The scene id: stable across citizens, so analytics and the player key on it. */
  id: z.string(),
  title: z.string(),
  /** Seconds from the start; end exclusive. */
  start: z.number(),
  end: z.number(),
});

export const accessManifest = z
  .object({
    type: z.enum(GUIDE_TYPES),
    typeVersion: z.string(),
    locale: z.enum(['it', 'en']),
    title: z.string(),
    status: guideStatus,
    /** The public guide (never the fiscal code or externalRef); the player parses it with its type's own schema. */
    guide: z.looseObject({ type: z.enum(GUIDE_TYPES) }),
    fps: z.literal(30),
    durationInFrames: z.number().int().positive(),
    chapters: z.array(chapter),
    /** Measured narration timing once synthesised; with live narration, each scene's audio URL. */
    narration: narrationTrack.nullable(),
    narrationStatus,
    /** Rendered files, once the render worker has published them. */
    media: z
      .object({
        video: mediaPath,
        audio: mediaPath,
        poster: mediaPath,
        captions: mediaPath,
        captionsByLocale: z
          .object({ it: mediaPath, en: mediaPath })
          .meta({ description: 'the captions in each language, for tools and embedders (the player builds its own from the narration timing)' }),
        chapters: mediaPath,
      })
      .nullable(),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'AccessManifest', description: 'Everything the player needs to play a guide live or its MP4' });
export type AccessManifest = z.infer<typeof accessManifest>;
