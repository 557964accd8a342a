import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { forbiddenImports } from './helpers/boundaries';
import { envReadersBelowRoots } from './helpers/env-readers';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

describe('boundaries between the layers', () => {
  it('hold: no forbidden import anywhere (compositions imports nothing else, player only compositions, process layers never each other)', () => {
    expect(forbiddenImports(ROOT)).toEqual([]);
  });

  it('are caught: a forbidden import in a copy of the tree fails the check', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vg-boundaries-'));
    try {
      fs.mkdirSync(path.join(tmp, 'compositions'), { recursive: true });
      fs.mkdirSync(path.join(tmp, 'api'), { recursive: true });
      fs.mkdirSync(path.join(tmp, 'render-worker'), { recursive: true });
      fs.mkdirSync(path.join(tmp, 'player'), { recursive: true });
      fs.writeFileSync(path.join(tmp, 'compositions', 'a.ts'), "import { x } from '../server/logger';\n");
      fs.writeFileSync(path.join(tmp, 'api', 'b.ts'), "import { y } from '../render-worker/worker';\n");
      fs.writeFileSync(path.join(tmp, 'render-worker', 'worker.ts'), 'export const y = 1;\n');
      fs.writeFileSync(path.join(tmp, 'player', 'c.tsx'), "const m = import('../api/app');\n");
      const bad = forbiddenImports(tmp);
      expect(bad.some((b) => b.startsWith('compositions/a.ts →'))).toBe(true);
      expect(bad.some((b) => b.startsWith('api/b.ts →'))).toBe(true);
      expect(bad.some((b) => b.startsWith('player/c.tsx →'))).toBe(true);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('leave the environment to the composition roots: no module below system/ reads process.env', () => {
    expect(envReadersBelowRoots(ROOT)).toEqual([]);
  });

  it('catch an environment read below the roots in a copy of the tree', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vg-env-readers-'));
    try {
      fs.mkdirSync(path.join(tmp, 'speech'), { recursive: true });
      fs.writeFileSync(path.join(tmp, 'speech', 'engine.ts'), '// process.env in a comment is fine\nexport const voice = process.env.VOICE;\n');
      expect(envReadersBelowRoots(tmp)).toEqual(['speech/engine.ts:2']);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
