import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitSentences } from '../compositions/common/sentences';
import { generateEnvelopes } from '../compositions/generator/generate';
import { guideSchema, publicPart, storyboardOf } from '../compositions/guide-types';
import { createLogger } from '../server/logger';
import { S3MediaStore } from '../server/media';
import { ClipCache, type SharedClipStore } from '../speech/clip-cache';
import { countingEngine } from '../speech/engine';
import { espeakEngine } from '../speech/espeak';
import { narrateGuide } from '../speech/narrate';
import { speakable } from '../speech/speakable';
import { startTestS3, type TestS3 } from './helpers/s3-server';

/**
 * Issue #18: the speech cache is not one host's. With the S3 media store, a clip synthesised on one
 * host goes to the store's cache area, and another host (its own empty directory) fetches it instead
 * of synthesising it again; a store that fails costs a synthesis, never the clip. Only sentences of
 * scenes that depend on no field of the guide go there: the store keeps no guide's retention, so
 * nothing personal (a name, an amount) may be put in it.
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
const req = { text: 'La domanda si presenta online, con le credenziali SPID.', locale: 'it', voice: 'F', shareable: true } as const;

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

  it('a whole guide narrated: only the clips of scenes without citizen data reach the store, none with the name', async () => {
    const guide = guideSchema.parse(publicPart([...generateEnvelopes('red', 1, 'speech-shared-guide')][0] as never));
    const cache = new ClipCache({ dir: hostDir(), engine: countingEngine(espeakEngine()), shared: store.sharedCache, logger });
    const before = new Set(await s3.keys('videoguida/test/cache/'));
    await narrateGuide(guide, { cache });
    const added = (await s3.keys('videoguida/test/cache/')).filter((k) => !before.has(k) && k.endsWith('.wav'));
    const scenes = storyboardOf(guide).scenes;
    const impersonal = new Set(
      scenes.filter((sc) => sc.deps.length === 0).flatMap((sc) => splitSentences(sc.narration[guide.locale]).map((t) => speakable(t, guide.locale))),
    );
    const personal = scenes
      .filter((sc) => sc.deps.length > 0)
      .flatMap((sc) => splitSentences(sc.narration[guide.locale]).map((t) => speakable(t, guide.locale)));
    expect(impersonal.size).toBeGreaterThan(0);
    expect(personal.some((t) => t.includes((guide as { citizen: { givenName: string } }).citizen.givenName))).toBe(true);
    const keyOf = (text: string) => `videoguida/test/cache/${cache.keyOf({ text, locale: guide.locale, voice: storyboardOf(guide).presenter })}.wav`;
    for (const text of impersonal) expect(added).toContain(keyOf(text));
    for (const text of personal.filter((t) => !impersonal.has(t))) expect(added).not.toContain(keyOf(text));
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

  it('a personal sentence is neither put in the store nor looked for there', async () => {
    const engine = countingEngine(espeakEngine());
    const host = new ClipCache({ dir: hostDir(), engine, shared: store.sharedCache, logger });
    const personal = { text: 'Buongiorno Maria, ti spieghiamo la tua domanda.', locale: 'it', voice: 'F' } as const;
    const clip = await host.get(personal);
    expect(clip.fresh).toBe(true);
    expect(await s3.keys('videoguida/test/cache/')).not.toContain(`videoguida/test/cache/${clip.key}.wav`);
    const other = new ClipCache({ dir: hostDir(), engine, shared: store.sharedCache, logger });
    await other.get(personal);
    expect(engine.calls).toBe(2);
    expect(other.stats.fetched).toBe(0);
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
