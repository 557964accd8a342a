import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { MediaStore } from '../server/media';

/** The files a rendered guide consists of (server/media/store.ts): video last, so its presence means the set is complete. */
export { OUTPUT_FILE_NAMES as OUTPUT_FILES } from '../server/media';

// Renders are made in a private staging directory on the worker's own disk (VIDEO_DIR/.staging,
// whatever the store), and reach the store only once complete.
const stagingRoot = (videoDir: string) => path.join(videoDir, '.staging');

/** A fresh private directory for one render attempt. */
export function makeStaging(videoDir: string, guideId: string): string {
  const dir = path.join(stagingRoot(videoDir), `${guideId}-${Date.now()}-${randomBytes(3).toString('hex')}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Puts a finished render into the store (renames in a directory; uploads, multipart for the MP4,
 * to a bucket) and resolves once every file is there: the guide becomes ready only after this.
 */
export async function publish(media: MediaStore, staging: string, guideId: string, signal?: AbortSignal): Promise<void> {
  try {
    await media.publish(guideId, staging, signal);
  } finally {
    await fs.promises.rm(staging, { recursive: true, force: true });
  }
}

/** Removes staging directories of this guide (a killed attempt) or, without id, older than maxAgeMs. */
export function cleanStaging(videoDir: string, guideId?: string, maxAgeMs = 6 * 3600_000): void {
  const root = stagingRoot(videoDir);
  if (!fs.existsSync(root)) return;
  for (const name of fs.readdirSync(root)) {
    const p = path.join(root, name);
    const old = Date.now() - (fs.statSync(p, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > maxAgeMs;
    if ((guideId && name.startsWith(`${guideId}-`)) || (!guideId && old)) fs.rmSync(p, { recursive: true, force: true });
  }
}
