import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { forbiddenImports } from './helpers/boundaries';
import { envReadersBelowRoots } from './helpers/env-readers';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** Runs a check on a throw-away tree holding just `files` (path → text), removed whatever happens. */
function inTempTree<T>(prefix: string, files: Record<string, string>, check: (root: string) => T): T {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  try {
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(tmp, file)), { recursive: true });
      fs.writeFileSync(path.join(tmp, file), text);
    }
    return check(tmp);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

describe('boundaries between the layers', () => {
  it('hold: no forbidden import anywhere (compositions imports nothing else, player only compositions, process layers never each other)', () => {
    expect(forbiddenImports(ROOT)).toEqual([]);
  });

  it('are caught: a forbidden import in a copy of the tree fails the check', () => {
    const bad = inTempTree(
      'vg-boundaries-',
      {
        'compositions/a.ts': "import { x } from '../server/logger';\n",
        'api/b.ts': "import { y } from '../render-worker/worker';\n",
        'render-worker/worker.ts': 'export const y = 1;\n',
        'player/c.tsx': "const m = import('../api/app');\n",
      },
      forbiddenImports,
    );
    expect(bad.some((b) => b.startsWith('compositions/a.ts →'))).toBe(true);
    expect(bad.some((b) => b.startsWith('api/b.ts →'))).toBe(true);
    expect(bad.some((b) => b.startsWith('player/c.tsx →'))).toBe(true);
  });

  it('leave the environment to the composition roots: no module below system/ reads process.env', () => {
    expect(envReadersBelowRoots(ROOT)).toEqual([]);
  });

  it('catch an environment read below the roots in a copy of the tree', () => {
    const readers = inTempTree(
      'vg-env-readers-',
      { 'speech/engine.ts': '// process.env in a comment is fine\nexport const voice = process.env.VOICE;\n' },
      envReadersBelowRoots,
    );
    expect(readers).toEqual(['speech/engine.ts:2']);
  });
});
