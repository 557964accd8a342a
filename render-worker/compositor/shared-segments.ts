import fs from 'node:fs';
import type { Logger } from '../../server/logger';
import type { SharedCache } from '../../server/media';

/**
 * The media store's part of the segment cache (issue #18): a segment the same for every citizen (a
 * scene without guide fields) is fetched from the store before it is rendered, and put there once
 * rendered, so a new worker with an empty disk starts warm. Only such segments: one showing a
 * citizen's data stays on the worker's disk, where it is evicted, so no copy outlives its guide.
 * The store is an optimisation here: when it fails the segment is rendered as without it.
 */
export async function fetchShared(cache: SharedCache, key: string, tmp: string, logger?: Logger): Promise<boolean> {
  try {
    return await cache.fetch(key, tmp);
  } catch (err) {
    await fs.promises.rm(tmp, { force: true });
    logger?.warn({ err: { message: (err as Error).message } }, 'shared segment not fetched from the media store: rendering it');
    return false;
  }
}

export async function putShared(cache: SharedCache, key: string, file: string, logger?: Logger): Promise<void> {
  try {
    await cache.put(key, file);
  } catch (err) {
    logger?.warn({ err: { message: (err as Error).message } }, 'shared segment not put in the media store');
  }
}
