import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/** The files a rendered guide consists of; video last, so its presence means the set is complete. */
export const OUTPUT_FILES = ['captions.vtt', 'captions.it.vtt', 'captions.en.vtt', 'chapters.json', 'poster.jpg', 'audio.m4a', 'video.mp4'] as const;

export const guideDir = (videoDir: string, guideId: string) => path.join(videoDir, guideId);
const stagingRoot = (videoDir: string) => path.join(videoDir, '.staging');

/** A fresh private directory for one render attempt. */
export function makeStaging(videoDir: string, guideId: string): string {
  const dir = path.join(stagingRoot(videoDir), `${guideId}-${Date.now()}-${randomBytes(3).toString('hex')}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Moves a finished render into place file by file with rename (atomic on one file system), so a
 * reader sees either the old file or the new one, never a half-written one.
 */
export function publish(staging: string, videoDir: string, guideId: string): void {
  const dest = guideDir(videoDir, guideId);
  fs.mkdirSync(dest, { recursive: true });
  for (const name of OUTPUT_FILES) {
    const src = path.join(staging, name);
    if (fs.existsSync(src)) fs.renameSync(src, path.join(dest, name));
  }
  fs.rmSync(staging, { recursive: true, force: true });
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

export function isPublished(videoDir: string, guideId: string): boolean {
  return fs.existsSync(path.join(guideDir(videoDir, guideId), 'video.mp4'));
}
