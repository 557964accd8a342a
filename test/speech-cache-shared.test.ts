import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../server/logger';
import { S3MediaStore } from '../server/media';
import { ClipCache, type SharedClipStore } from '../speech/clip-cache';
import { countingEngine } from '../speech/engine';
import { espeakEngine } from '../speech/espeak';
import { startTestS3, type TestS3 } from './helpers/s3-server';

/**
 * Issue #18: the speech cache is not one host's. With the S3 media store, a clip synthesised on one
 * host goes to the store's cache area, and another host (its own empty directory) fetches it instead
 * of synthesising it again; a store that fails costs a synthesis, never the clip.
 */

const logger = createLogger({ level: 'silent' });
let s3: TestS3;
let store: S3MediaStore;
const dirs: string[] = [];
const hostDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'vg-clip-host-'));
  dirs.push(d);
  return d;
};
const req = { text: 'La domanda si presenta online, con le credenziali SPID.', locale: 'it', voice: 'F' } as const;

beforeAll(async () => {
  s3 = await startTestS3('speech-shared');
  store = new S3MediaStore(s3.settings);
});
afterAll(async () => {
  store?.close();
  await s3?.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('speech clips shared through the S3 store', () => {
  it('a clip one host synthesised is fetched by another host, not synthesised again, the same samples', async () => {
    const engineA = countingEngine(espeakEngine());
    const engineB = countingEngine(espeakEngine());
    const hostA = new ClipCache({ dir: hostDir(), engine: engineA, shared: store.sharedCache, logger });
    const hostB = new ClipCache({ dir: hostDir(), engine: engineB, shared: store.sharedCache, logger });

    const made = await hostA.get(req);
    expect(made.fresh).toBe(true);
    expect(await s3.keys('videoguida/test/cache/')).toContain(`videoguida/test/cache/${made.key}.wav`);

    const fetched = await hostB.get(req);
    expect(engineB.calls).toBe(0);
    expect(hostB.stats).toMatchObject({ fetched: 1, synthesized: 0 });
    expect(fetched.pcm.equals(made.pcm)).toBe(true);
    // Now on host B's own disk, whole: its next request reads the disk.
    expect(fs.existsSync(fetched.path)).toBe(true);
    await hostB.get(req);
    expect(hostB.stats).toMatchObject({ hits: 1, fetched: 1 });
    expect(fs.readdirSync(path.dirname(fetched.path)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a damaged object in the store is not served: the host synthesises the clip', async () => {
    const engineA = countingEngine(espeakEngine());
    const hostA = new ClipCache({ dir: hostDir(), engine: engineA, shared: store.sharedCache, logger });
    const other = { ...req, text: 'Il pagamento arriva il primo giorno del mese.' };
    const key = hostA.keyOf(other);
    await store.client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: `videoguida/test/cache/${key}.wav`, Body: Buffer.from('not a wav file') }));
    const clip = await hostA.get(other);
    expect(engineA.calls).toBe(1);
    expect(clip.fresh).toBe(true);
    expect(clip.frames).toBeGreaterThan(0);
  });

  it('a store that fails (unreachable on fetch and put) costs a synthesis, never the clip', async () => {
    const failing: SharedClipStore = {
      fetch: async () => {
        throw new Error('connect ECONNREFUSED 10.0.0.9:9000');
      },
      put: async () => {
        throw new Error('connect ECONNREFUSED 10.0.0.9:9000');
      },
    };
    const engine = countingEngine(espeakEngine());
    const host = new ClipCache({ dir: hostDir(), engine, shared: failing, logger });
    const clip = await host.get({ ...req, text: 'Grazie per averci seguito.' });
    expect(engine.calls).toBe(1);
    expect(clip.frames).toBeGreaterThan(0);
    expect(fs.existsSync(clip.path)).toBe(true);
  });
});
