import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { jsOf } from './helpers/player-bundle';
import { ensurePlayerBuilt, PLAYER_DIST } from './helpers/player-env';

// Built here under vitest, whose NODE_ENV=test once turned the build into React's development one.
beforeAll(() => ensurePlayerBuilt(), 240_000);

describe('the citizen page download', () => {
  it("stays within 250 KB of gzip JavaScript before the first frame, with React's production build", () => {
    for (const entry of ['index.html', 'embed.html']) {
      const { initial, files } = jsOf(entry);
      expect(initial, entry).toBeLessThanOrEqual(250 * 1024);
      for (const f of files) expect(fs.readFileSync(path.join(PLAYER_DIST, f), 'utf8'), f).not.toContain('In HTML, %s cannot be a child') // a warning only React's development build carries;
    }
  });
});
