/**
 * One set of H.264 settings for every segment, so segments made at different times, by different
 * workers, can be joined by stream copy: same profile, level, pixel format, frame rate, GOP shape
 * and time base. Changing anything here must change SEGMENT_FORMAT_VERSION (it is in every cache key).
 */
export const SEGMENT_FORMAT_VERSION = 'h264-v1';

export const FPS = 30;

export function videoEncodeArgs(): string[] {
  return [
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-crf',
    '20',
    '-pix_fmt',
    'yuv420p',
    '-profile:v',
    'high',
    '-level:v',
    '4.1',
    '-r',
    String(FPS),
    // Closed GOPs starting every segment with an IDR frame: segments join anywhere.
    '-g',
    '150',
    '-keyint_min',
    '30',
    '-x264-params',
    'scenecut=0:open_gop=0:repeat-headers=1',
    '-video_track_timescale',
    '15360',
    '-an',
  ];
}

export const RESOLUTIONS = {
  '720p': { width: 1280, height: 720, scale: 1 },
  '1080p': { width: 1920, height: 1080, scale: 1.5 },
} as const;
export type Resolution = keyof typeof RESOLUTIONS;
