import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle } from '@remotion/bundler';
import { publishAtomic } from '../server/files/atomic-write';

/**
 * The Remotion bundle of compositions/, built once and kept in a directory named by a hash of
 * everything it is made of (compositions/, assets/, the locked dependency versions): every run
 * with the same code reuses it, any change builds a new one.
 */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ENTRY_POINT = path.join(REPO_ROOT, 'compositions', 'index.ts');
export const PUBLIC_DIR = path.join(REPO_ROOT, 'assets');

const HASHED = ['compositions', 'assets'];
const HASHED_FILES = ['package-lock.json'];

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(full)));
    else if (e.isFile()) out.push(full);
  }
  return out;
}

/** sha256 over the relative path and bytes of every input file, in a stable order. */
export async function bundleHash(root = REPO_ROOT): Promise<string> {
  const files = [...(await Promise.all(HASHED.map((d) => listFiles(path.join(root, d))))).flat(), ...HASHED_FILES.map((f) => path.join(root, f))];
  files.sort();
  const hash = createHash('sha256');
  for (const file of files) {
    const bytes = await fs.readFile(file).catch(() => null);
    if (!bytes) continue;
    hash.update(path.relative(root, file).split(path.sep).join('/'));
    hash.update('\0');
    hash.update(bytes);
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

export interface EnsureBundleOptions {
  /** Where bundles are kept; default `<repo>/data/cache/bundles` (DATA_DIR is not consulted here). */
  cacheDir?: string;
  onProgress?: (percent: number) => void;
  /**
   * Build with webpack in this process (the child below does). Default: in a child process. Webpack
   * holds the event loop for seconds at a time (3.8 s at once, 8.3 s in all for one warm-cache build
   * on this 2-core machine, measured with perf_hooks): inside the render worker that starves BullMQ's
   * lock renewal, so a job is taken for stalled while it is being worked on.
   */
  inProcess?: boolean;
}

const exists = (p: string): Promise<boolean> =>
  fs.access(p).then(
    () => true,
    () => false,
  );

/**
 * Returns the serve URL (a directory) of an up-to-date bundle, building it if needed. Builds go to
 * a temporary sibling and are renamed into place, so two processes racing never see half a bundle.
 */
export async function ensureBundle(options: EnsureBundleOptions = {}): Promise<string> {
  const cacheDir = path.resolve(options.cacheDir ?? path.join(REPO_ROOT, 'data', 'cache', 'bundles'));
  const hash = await bundleHash();
  const target = path.join(cacheDir, hash);
  if (await exists(path.join(target, 'index.html'))) return target;
  if (!options.inProcess) {
    await buildInChild(cacheDir, options.onProgress);
    if (!(await exists(path.join(target, 'index.html')))) throw new Error(`the bundle process finished without ${target}`);
    return target;
  }
  await publishAtomic(target, (temp) =>
    bundle({
      entryPoint: ENTRY_POINT,
      publicDir: PUBLIC_DIR,
      outDir: temp,
      rootDir: REPO_ROOT,
      enableCaching: true,
      onProgress: options.onProgress ?? (() => undefined),
    }),
  ).catch(async (err: NodeJS.ErrnoException) => {
    // Another process finished the same bundle first: theirs is identical, keep it.
    if ((err.code === 'ENOTEMPTY' || err.code === 'EEXIST') && (await exists(path.join(target, 'index.html')))) return;
    throw err;
  });
  await pruneBundles(cacheDir, KEEP_BUNDLES);
  return target;
}

/** Runs render-worker/bundle-child.ts (ensureBundle in process) and relays its progress. */
function buildInChild(cacheDir: string, onProgress?: (percent: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'render-worker', 'bundle-child.ts'), cacheDir], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let buf = '';
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split('\n');
      buf = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('progress ')) onProgress?.(Number(line.slice(9)));
    });
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    child.on('error', (err) => reject(new Error(`could not start the bundle process: ${err.message}`)));
    child.on('close', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`bundling failed (${code ?? signal}): ${stderr.trim().split('\n').slice(-5).join(' | ')}`)),
    );
  });
}

/** Bundles kept, newest first: a worker still running older code keeps its own. */
const KEEP_BUNDLES = 3;
/** ...and none younger than this is removed, whatever its rank. */
const KEEP_YOUNGER_MS = 60 * 60 * 1000;

/** Removes old bundles beyond the `keep` most recent (each is tens of megabytes). */
async function pruneBundles(cacheDir: string, keep: number): Promise<void> {
  const entries = await fs.readdir(cacheDir, { withFileTypes: true });
  const bundles = await Promise.all(
    entries
      .filter((e) => e.isDirectory() && /^[0-9a-f]{16}$/.test(e.name))
      .map(async (e) => ({ dir: path.join(cacheDir, e.name), mtime: (await fs.stat(path.join(cacheDir, e.name))).mtimeMs })),
  );
  bundles.sort((a, b) => b.mtime - a.mtime);
  const old = bundles.slice(keep).filter((b) => Date.now() - b.mtime > KEEP_YOUNGER_MS);
  await Promise.all(old.map((b) => fs.rm(b.dir, { recursive: true, force: true })));
}
