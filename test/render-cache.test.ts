import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiskCache } from '../server/files/disk-cache';
import { segmentKey } from '../render-worker/compositor/keys';
import { storyboardOf } from '../compositions/guide-types';
import { guideOf } from './helpers/render-env';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'vg-cache-test-'));
const write = (bytes: number) => async (p: string) => fs.writeFileSync(p, Buffer.alloc(bytes, 1));

describe('render cache', () => {
  it('builds an entry once, even when asked for it concurrently', async () => {
    const cache = new DiskCache({ dir: tmp(), maxBytes: 1e9 });
    let builds = 0;
    const build = async (p: string) => {
      builds++;
      await new Promise((r) => setTimeout(r, 50));
      fs.writeFileSync(p, 'x');
    };
    const [a, b] = await Promise.all([cache.get('k1', '.bin', build), cache.get('k1', '.bin', build)]);
    expect(a).toBe(b);
    expect(await cache.get('k1', '.bin', build)).toBe(a);
    expect(builds).toBe(1);
  });

  it('stays within its size bound by evicting the least recently used entries', async () => {
    const dir = tmp();
    const cache = new DiskCache({ dir, maxBytes: 10_000 });
    for (let i = 0; i < 4; i++) {
      await cache.get(`k${i}`, '.bin', write(3_000));
      // Distinct modification times, oldest first.
      const t = new Date(Date.now() - (10 - i) * 60_000);
      fs.utimesSync(cache.pathOf(`k${i}`, '.bin'), t, t);
    }
    // k0 is the oldest, but using it makes k1 the least recently used.
    await cache.get('k0', '.bin', write(3_000));
    await cache.get('k4', '.bin', write(3_000));
    expect(cache.totalBytes()).toBeLessThanOrEqual(10_000);
    expect(cache.has('k0', '.bin')).toBe(true);
    expect(cache.has('k1', '.bin')).toBe(false);
    expect(cache.has('k4', '.bin')).toBe(true);
  });

  it('leaves nothing behind when a build fails, and builds again next time', async () => {
    const cache = new DiskCache({ dir: tmp(), maxBytes: 1e9 });
    await expect(
      cache.get('bad', '.bin', async (p) => {
        fs.writeFileSync(p, 'half');
        throw new Error('ffmpeg died');
      }),
    ).rejects.toThrow('ffmpeg died');
    expect(cache.has('bad', '.bin')).toBe(false);
    expect(fs.readdirSync(path.dirname(cache.pathOf('bad', '.bin')))).toEqual([]);
    expect(fs.readFileSync(await cache.get('bad', '.bin', write(10)))).toHaveLength(10);
  });

  it("keys a scene by exactly the fields it depends on: shared scenes match across citizens, personal ones don't", () => {
    const a = guideOf('pensione', 'key-a');
    const b = guideOf('pensione', 'key-b');
    const key = (g: typeof a, id: string) => {
      const sb = storyboardOf(g);
      return segmentKey({ bundleId: 'x', resolution: '720p', guide: g, storyboard: sb, scene: sb.scenes.find((s) => s.id === id)! });
    };
    expect(key(a, 'services')).toBe(key(b, 'services'));
    expect(key(a, 'greeting')).not.toBe(key(b, 'greeting'));
    expect(key(a, 'greeting')).toBe(key(structuredClone(a), 'greeting'));
  });
});
