import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Logger } from '../../server/logger';
import type { SharedCache } from '../../server/media';

/**
 * The media store's part of the render cache (issue #18): an entry the same for every citizen — a
 * segment of a scene that reads no guide field, a presenter's base-loop frames — is fetched from
 * the store before it is built, and put there once built, so a new worker with an empty disk starts
 * warm. Only such entries: a segment showing a citizen's data stays on the worker's disk, where it
 * is evicted, so no copy outlives its guide. The store is an optimisation here: when it fails, the
 * entry is built as without it.
 */
export type Build = (tmp: string) => Promise<void>;

/**
 * `build` for DiskCache.get, through the store when `cache` is set: `name` is the entry's content
 * key with an extension; a `dir` entry (base frames) travels packed as one object.
 */
export function viaStore(
  cache: SharedCache | null | undefined,
  name: string,
  kind: 'file' | 'dir',
  onFetched: () => void,
  build: Build,
  logger?: Logger,
): Build {
  if (!cache) return build;
  return async (tmp) => {
    if (await fetchEntry(cache, name, kind, tmp, logger)) {
      onFetched();
      return;
    }
    await build(tmp);
    await putEntry(cache, name, kind, tmp, logger);
  };
}

const scratch = () => path.join(os.tmpdir(), `videoguida-shared-${process.pid}-${randomBytes(4).toString('hex')}`);
const FRAME = /^\d{4}\.png$/;

async function fetchEntry(cache: SharedCache, name: string, kind: 'file' | 'dir', tmp: string, logger?: Logger): Promise<boolean> {
  const file = kind === 'file' ? tmp : scratch();
  try {
    if (!(await cache.fetch(name, file))) return false;
    if (kind === 'dir') await unpackFrames(file, tmp);
    return true;
  } catch (err) {
    await fs.promises.rm(tmp, { recursive: true, force: true });
    logger?.warn({ err: { message: (err as Error).message } }, 'render cache entry not fetched from the media store: building it');
    return false;
  } finally {
    if (kind === 'dir') await fs.promises.rm(file, { force: true });
  }
}

async function putEntry(cache: SharedCache, name: string, kind: 'file' | 'dir', built: string, logger?: Logger): Promise<void> {
  const file = kind === 'file' ? built : scratch();
  try {
    if (kind === 'dir') await packFrames(built, file);
    await cache.put(name, file);
  } catch (err) {
    logger?.warn({ err: { message: (err as Error).message } }, 'render cache entry not put in the media store');
  } finally {
    if (kind === 'dir') await fs.promises.rm(file, { force: true });
  }
}

// A directory of frames as one object (a few hundred PUTs would cost more than the frames): a
// 4-byte length, a JSON index [[name, size], ...], then the files' bytes in that order.
async function packFrames(dir: string, out: string): Promise<void> {
  const names = (await fs.promises.readdir(dir)).filter((n) => FRAME.test(n)).sort();
  const bodies = await Promise.all(names.map((n) => fs.promises.readFile(path.join(dir, n))));
  const index = Buffer.from(JSON.stringify(names.map((n, i) => [n, bodies[i]!.length])));
  const head = Buffer.alloc(4);
  head.writeUInt32BE(index.length);
  await fs.promises.writeFile(out, Buffer.concat([head, index, ...bodies]));
}

async function unpackFrames(file: string, dir: string): Promise<void> {
  const data = await fs.promises.readFile(file);
  const indexEnd = 4 + data.readUInt32BE(0);
  const index = JSON.parse(data.subarray(4, indexEnd).toString('utf8')) as [string, number][];
  const total = index.reduce((s, [, size]) => s + size, indexEnd);
  // Names from the store are checked: nothing is written outside the entry's directory.
  if (!Array.isArray(index) || total !== data.length || !index.every(([n, size]) => FRAME.test(n) && Number.isInteger(size) && size >= 0)) {
    throw new Error('packed frames do not match their index');
  }
  await fs.promises.mkdir(dir, { recursive: true });
  let at = indexEnd;
  for (const [name, size] of index) {
    await fs.promises.writeFile(path.join(dir, name), data.subarray(at, at + size));
    at += size;
  }
}
