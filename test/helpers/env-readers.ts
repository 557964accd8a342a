import fs from 'node:fs';
import path from 'node:path';

/** Folders below the composition roots: configuration reaches them as arguments, never from the environment. */
const BELOW_ROOTS = ['compositions', 'contract', 'server', 'speech', 'api', 'render-worker', 'notifier', 'narrator', 'intake', 'player'];
/** Build-tool configuration runs as a root of its own (Vite reads its options from the environment). */
const EXEMPT = new Set(['player/vite.config.ts']);

/** Every `process.env` read in a source file below system/: "file:line". */
export function envReadersBelowRoots(root: string): string[] {
  const found: string[] = [];
  for (const top of BELOW_ROOTS) {
    const dir = path.join(root, top);
    if (!fs.existsSync(dir)) continue;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
      const full = path.join(entry.parentPath, entry.name);
      const rel = path.relative(root, full).split(path.sep).join('/');
      if (!entry.isFile() || !/\.(ts|tsx|mts)$/.test(entry.name) || /\/(node_modules|dist)\//.test(`/${rel}`) || EXEMPT.has(rel)) continue;
      fs.readFileSync(full, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/process\.env\b/.test(line.replace(/\/\/.*$/, ''))) found.push(`${rel}:${i + 1}`);
        });
    }
  }
  return found;
}
