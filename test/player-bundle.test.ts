import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { GUIDE_TYPES } from '../compositions/common/envelope';
import { jsOf } from './helpers/player-bundle';
import { ensurePlayerBuilt, PLAYER_DIST } from './helpers/player-env';

// Built here under vitest, whose NODE_ENV=test once turned the build into React's development one.
beforeAll(() => ensurePlayerBuilt(), 240_000);

describe('the citizen page download', () => {
  it("stays within 250 KB of gzip JavaScript before the first frame, with React's production build", () => {
    for (const entry of ['index.html', 'embed.html'])
      for (const type of GUIDE_TYPES) {
        // The page, then the one guide type its manifest names (each type is its own chunk).
        const { initial } = jsOf(entry, PLAYER_DIST, [`../compositions/${type}/index.ts`]);
        expect(initial, `${entry} playing a ${type} guide`).toBeLessThanOrEqual(250 * 1024);
      }
    for (const entry of ['index.html', 'embed.html']) {
      const { files } = jsOf(entry);
      for (const f of files) expect(fs.readFileSync(path.join(PLAYER_DIST, f), 'utf8'), f).not.toContain('In HTML, %s cannot be a child') // a warning only React's development build carries;
    }
  });

  it('never carries the test-data generator (its name lists) in any browser bundle', () => {
    for (const entry of ['index.html', 'embed.html']) {
      for (const f of jsOf(entry, PLAYER_DIST, GUIDE_TYPES.map((t) => `../compositions/${t}/index.ts`)).files) {
        const js = fs.readFileSync(path.join(PLAYER_DIST, f), 'utf8');
        // A surname and a birthplace code that only compositions/generator/people.ts holds.
        expect(js, `${entry}: ${f}`).not.toContain('Ferri-Bianchi');
        expect(js, `${entry}: ${f}`).not.toMatch(/["'`]Z330["'`]/);
      }
    }
  });
});
