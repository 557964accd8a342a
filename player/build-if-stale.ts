/**
 * Builds the browser pages (player/dist) when they are missing or older than their sources, so
 * `npm start` serves the real citizen page on a fresh clone without rebuilding on every start.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stamp = path.join(root, 'player', 'dist', '.source-hash');

function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'dist' || e.name === 'node_modules' ? [] : files(p);
    return [p];
  });
}

const hash = createHash('sha256');
for (const f of [
  ...files(path.join(root, 'player')),
  ...files(path.join(root, 'compositions')),
  ...files(path.join(root, 'assets')),
  path.join(root, 'package-lock.json'),
].sort()) {
  hash.update(path.relative(root, f));
  hash.update(fs.readFileSync(f));
}
const digest = hash.digest('hex');
if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === digest) {
  process.stdout.write('player: up to date\n');
} else {
  process.stdout.write('player: building the citizen page, embed, dashboard and console (vite)\n');
  execFileSync('npx', ['vite', 'build', '--config', 'player/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  fs.writeFileSync(stamp, digest);
}
