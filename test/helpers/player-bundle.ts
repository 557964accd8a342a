import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { PLAYER_DIST } from './player-env';

interface Chunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
}

/**
 * Gzip sizes (level 9) of what a page's entry loads at once and what it may load later, from the Vite
 * manifest. `also` names dynamic entries loaded before the first frame (the guide type the manifest
 * names), counted with the initial download.
 */
export function jsOf(entry: string, dist = PLAYER_DIST, also: string[] = []): { initial: number; lazy: number; files: string[] } {
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<string, Chunk>;
  const gz = (file: string) => zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length;
  const initial = new Set<string>();
  const walk = (key: string, into: Set<string>) => {
    const c = manifest[key]!;
    if (into.has(c.file)) return;
    into.add(c.file);
    c.imports?.forEach((k) => walk(k, into));
  };
  walk(entry, initial);
  for (const key of also) walk(key, initial);
  const lazy = new Set<string>();
  for (const key of Object.keys(manifest)) {
    if (!initial.has(manifest[key]!.file)) continue;
    for (const d of manifest[key]!.dynamicImports ?? []) walk(d, lazy);
  }
  for (const f of initial) lazy.delete(f);
  const js = (files: Set<string>) => [...files].filter((f) => f.endsWith('.js'));
  const sum = (files: Set<string>) => js(files).reduce((n, f) => n + gz(f), 0);
  return { initial: sum(initial), lazy: sum(lazy), files: js(initial) };
}
