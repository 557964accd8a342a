import type { MediaStoreSettings } from '../config/media-store';
import { LocalMediaStore } from './local-store';
import { S3MediaStore } from './s3-store';
import type { MediaStore } from './store';

export { LocalMediaStore } from './local-store';
export { S3MediaStore, createS3Client } from './s3-store';
export * from './store';

/**
 * The one place a store is chosen: the composition roots (npm start, npm run worker, tests) call it
 * with the parsed configuration and hand the store down.
 */
export function createMediaStore(settings: MediaStoreSettings, videoDir: string): MediaStore {
  return settings.kind === 's3' ? new S3MediaStore(settings) : new LocalMediaStore(videoDir);
}
