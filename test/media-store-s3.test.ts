import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEnvelopes } from '../compositions/generator/generate';
import { ConfigError, loadConfig } from '../server/config';
import { S3MediaStore } from '../server/media';
import { purgeExpired, sweepOrphans } from '../server/purge';
import { deleteGuide, getGuide } from '../server/db/guides';
import { createLogger } from '../server/logger';
import { RenderWorker } from '../render-worker/worker';
import { fakeRenderer } from './helpers/fake-renderer';
import { viaStore } from '../render-worker/compositor/shared-segments';
import { call, REDIS_URL, startTestApi, tokenOf, type TestApi } from './helpers/api';
import { waitFor } from './helpers/render-env';
import { startTestS3, type TestS3 } from './helpers/s3-server';

// Issue #18: the media store on a real S3 HTTP server (s3rver), through the real API.
const MiB = 1024 * 1024;

describe('media store settings', () => {
  const problems = (env: Record<string, string>) => {
    try {
      loadConfig({ NODE_ENV: 'test', ...env });
    } catch (err) {
      return (err as ConfigError).problems;
    }
    return [];
  };

  it('defaults to the local directory, and names each S3 variable that is missing or wrong', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).mediaStore).toEqual({ kind: 'local' });
    expect(problems({ MEDIA_STORE: 's3' })).toEqual([{ variable: 'MEDIA_S3_BUCKET', message: 'required when MEDIA_STORE=s3' }]);
    expect(problems({ MEDIA_STORE: 'ftp' })[0]).toMatchObject({ variable: 'MEDIA_STORE', message: 'expected local or s3' });
    expect(problems({ MEDIA_STORE: 's3', MEDIA_S3_BUCKET: 'Bad_Bucket' })[0]!.variable).toBe('MEDIA_S3_BUCKET');
    expect(problems({ MEDIA_STORE: 's3', MEDIA_S3_BUCKET: 'videos', MEDIA_S3_REDIRECT_SECONDS: '86400' })[0]).toMatchObject({
      variable: 'MEDIA_S3_REDIRECT_SECONDS',
      message: expect.stringContaining('never a store URL'),
    });
    expect(problems({ MEDIA_STORE: 's3', MEDIA_S3_BUCKET: 'videos', AWS_ACCESS_KEY_ID: 'AKIA' })).toEqual([
      { variable: 'AWS_SECRET_ACCESS_KEY', message: 'required when AWS_ACCESS_KEY_ID is set' },
    ]);
    expect(problems({ MEDIA_STORE: 's3', MEDIA_S3_BUCKET: 'videos', MEDIA_S3_PART_SIZE_MB: '1' })[0]!.variable).toBe('MEDIA_S3_PART_SIZE_MB');
    const s3 = loadConfig({ NODE_ENV: 'test', MEDIA_STORE: 's3', MEDIA_S3_BUCKET: 'videos', MEDIA_S3_PREFIX: 'vg/prod/', AWS_REGION: 'eu-south-1' }).mediaStore;
    expect(s3).toMatchObject({
      kind: 's3',
      bucket: 'videos',
      prefix: 'vg/prod/',
      region: 'eu-south-1',
      forcePathStyle: false,
      redirectSeconds: 0,
      credentials: undefined,
    });
  });
});

describe('S3 media store (s3rver)', () => {
  let s3: TestS3;
  let api: TestApi;
  let store: S3MediaStore;
  const commands: string[] = [];
  const stage = (files: Record<string, Buffer | string>) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vg-s3-stage-'));
    for (const [name, bytes] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), bytes);
    return dir;
  };
  const createGuide = async (seed: string) => {
    const envelope = [...generateEnvelopes('red', 1, seed)][0] as {
      externalRef: string;
      citizen: { givenName: string; familyName: string; fiscalCode: string };
    };
    const body = await (await call(api, 'POST', '/api/guides', { body: envelope })).json();
    return { id: body.id as string, token: tokenOf(body.links.qr), envelope };
  };
  const guideKeys = (id: string) => s3.keys(`videoguida/test/guides/${id}/`);

  beforeAll(async () => {
    s3 = await startTestS3('media');
    api = await startTestApi({ backend: 'pglite', label: 'media_s3', env: { ...s3.env, MEDIA_S3_PART_SIZE_MB: '5' } });
    store = api.ctx.media as S3MediaStore;
    // Every S3 call the store makes, by name: the multipart upload is seen, not assumed.
    store.client.middlewareStack.add(
      (next, context) => (args) => {
        commands.push(String(context.commandName));
        return next(args);
      },
      { step: 'initialize', name: 'recordCommands' },
    );
  });
  afterAll(async () => {
    await api?.close();
    await s3?.close();
  });

  let video: Buffer;
  let guide: Awaited<ReturnType<typeof createGuide>>;
  it('publishes a render with a multipart upload of its MP4, under keys of guide id and file name only', async () => {
    guide = await createGuide('s3-publish');
    video = randomBytes(12 * MiB);
    commands.length = 0;
    await store.publish(
      guide.id,
      stage({ 'video.mp4': video, 'poster.jpg': Buffer.from([0xff, 0xd8, 0xff]), 'captions.vtt': 'WEBVTT\n', 'chapters.json': '[]' }),
    );
    expect(commands.filter((c) => c === 'UploadPartCommand')).toHaveLength(3);
    expect(commands).toContain('CreateMultipartUploadCommand');
    // The video comes last: once it is there, the set is complete.
    expect(commands.at(-1)).toBe('CompleteMultipartUploadCommand');
    expect((await guideKeys(guide.id)).sort()).toEqual(
      ['captions.vtt', 'chapters.json', 'poster.jpg', 'video.mp4'].map((f) => `videoguida/test/guides/${guide.id}/${f}`),
    );
    const all = (await s3.keys()).join('\n');
    const c = guide.envelope.citizen;
    for (const personal of [c.givenName, c.familyName, c.fiscalCode, guide.envelope.externalRef]) expect(all).not.toContain(personal);
    expect(await store.isPublished(guide.id)).toBe(true);
  });

  it('streams video.mp4 from the bucket through the API: 206 with the right bytes, validators, HEAD', async () => {
    const url = `${api.url}/api/media/${guide.token}/video.mp4`;
    const whole = await fetch(url);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('video/mp4');
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(whole.headers.get('cache-control')).toBe('no-store');
    expect(Buffer.from(await whole.arrayBuffer()).equals(video)).toBe(true);
    const size = video.length;
    // Across the 5 MiB part boundary, the end, a suffix, an open end, combined ranges.
    const cases: [string, number, number][] = [
      ['bytes=0-9', 0, 9],
      ['bytes=5242870-5242889', 5 * MiB - 10, 5 * MiB + 9],
      ['bytes=-100', size - 100, size - 1],
      ['bytes=12000000-', 12_000_000, size - 1],
      ['bytes=100-199, 200-299', 100, 299],
      ['bytes=10485700-99999999', 10_485_700, size - 1],
    ];
    for (const [range, first, last] of cases) {
      const res = await fetch(url, { headers: { range } });
      expect(res.status, range).toBe(206);
      expect(res.headers.get('content-range'), range).toBe(`bytes ${first}-${last}/${size}`);
      expect(res.headers.get('content-length'), range).toBe(String(last - first + 1));
      expect(Buffer.from(await res.arrayBuffer()).equals(video.subarray(first, last + 1)), range).toBe(true);
    }
    const etag = whole.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    expect((await fetch(url, { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await fetch(url, { headers: { 'if-match': '"other"' } })).status).toBe(412);
    const stale = await fetch(url, { headers: { range: 'bytes=0-9', 'if-range': '"other"' } });
    expect(stale.status).toBe(200);
    expect((await stale.arrayBuffer()).byteLength).toBe(size);
    expect((await fetch(url, { headers: { range: 'bytes=0-9', 'if-range': etag } })).status).toBe(206);
    const head = await fetch(url, { method: 'HEAD', headers: { range: 'bytes=0-9' } });
    expect([head.status, head.headers.get('content-length'), head.headers.get('content-range')]).toEqual([206, '10', `bytes 0-9/${size}`]);
    expect((await fetch(`${api.url}/api/media/${guide.token}/poster.jpg`)).headers.get('content-type')).toBe('image/jpeg');
    expect((await fetch(`${api.url}/api/media/${guide.token}/captions.vtt`)).headers.get('content-type')).toMatch(/^text\/vtt/);
    // Not published, not a media file, not a token: the same 404s as the local store.
    expect((await fetch(`${api.url}/api/media/${guide.token}/audio.m4a`)).status).toBe(404);
    expect((await fetch(`${api.url}/api/media/${guide.token}/secrets.json`)).status).toBe(404);
    expect((await fetch(`${api.url}/api/media/${'A'.repeat(32)}/video.mp4`)).status).toBe(404);
  });

  it('answers the Range cases of the local store the same way (test/security-media-range.test.ts)', async () => {
    const g = await createGuide('s3-range');
    const SIZE = 1000;
    const bytes = randomBytes(SIZE);
    await store.publish(g.id, stage({ 'video.mp4': bytes, 'chapters.json': '' }));
    const url = `${api.url}/api/media/${g.token}/video.mp4`;
    for (const [range, message] of [
      ['bytes=5-1', 'not before its first'],
      ['bytes=999999999-', 'no byte of the range lies in the file (1000 bytes)'],
      ['bytes=-0', 'no byte of the range lies in the file'],
      ['bytes=1000-1000', 'no byte of the range lies in the file'],
      ['bytes=abc', 'expected bytes=<first>-<last>'],
      ['5-1', 'expected bytes=<first>-<last>'],
      ['bytes=0-1,5-1', 'not before its first'],
      ['bytes=2000-,3000-', 'no byte of the range lies in the file'],
    ]) {
      const res = await fetch(url, { headers: { range: range! } });
      expect(res.status, range).toBe(416);
      expect(res.headers.get('content-range')).toBe(`bytes */${SIZE}`);
      const body = await res.json();
      expect(body.error).toMatchObject({ code: 'range_not_satisfiable', field: 'Range' });
      expect(body.error.message).toContain(message);
      expect((await fetch(url, { method: 'HEAD', headers: { range: range! } })).status).toBe(416);
    }
    const cases: [string, number, string | null, number, number][] = [
      ['bytes=0-9', 206, 'bytes 0-9/1000', 0, 10],
      ['bytes=990-5000', 206, 'bytes 990-999/1000', 990, 10],
      ['bytes=-10', 206, 'bytes 990-999/1000', 990, 10],
      ['bytes=-5000', 206, 'bytes 0-999/1000', 0, 1000],
      ['bytes=0-9, 10-19', 206, 'bytes 0-19/1000', 0, 20],
      ['bytes=0-1,500-501', 200, null, 0, SIZE],
      ['items=0-1', 200, null, 0, SIZE],
    ];
    for (const [range, status, contentRange, first, length] of cases) {
      const res = await fetch(url, { headers: { range } });
      expect(res.status, range).toBe(status);
      expect(res.headers.get('content-range'), range).toBe(contentRange);
      expect(Buffer.from(await res.arrayBuffer()).equals(bytes.subarray(first, first + length)), range).toBe(true);
    }
    const empty = await fetch(url.replace('video.mp4', 'chapters.json'), { headers: { range: 'bytes=0-' } });
    expect([empty.status, empty.headers.get('content-range')]).toEqual([416, 'bytes */0']);
  });

  it('redirects to a presigned URL that expires within minutes when MEDIA_S3_REDIRECT_SECONDS is set', async () => {
    const redirecting = await startTestApi({ backend: 'pglite', label: 'media_s3_redirect', db: api.db, env: { ...s3.env, MEDIA_S3_REDIRECT_SECONDS: '120' } });
    try {
      const res = await fetch(`${redirecting.url}/api/media/${guide.token}/video.mp4`, { redirect: 'manual' });
      expect(res.status).toBe(302);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const location = new URL(res.headers.get('location')!);
      expect(location.origin).toBe(s3.endpoint);
      expect(location.pathname).toBe(`/${s3.bucket}/videoguida/test/guides/${guide.id}/video.mp4`);
      expect(location.searchParams.get('X-Amz-Expires')).toBe('120');
      // The API's token stays the API's: it is not in the store's URL.
      expect(location.href).not.toContain(guide.token);
      const part = await fetch(location, { headers: { range: 'bytes=5242870-5242889' } });
      expect(part.status).toBe(206);
      expect(part.headers.get('cache-control')).toBe('private, no-store');
      expect(Buffer.from(await part.arrayBuffer()).equals(video.subarray(5 * MiB - 10, 5 * MiB + 10))).toBe(true);
      expect((await fetch(`${redirecting.url}/api/media/${guide.token}/audio.m4a`, { redirect: 'manual' })).status).toBe(404);
      // And it does expire: a URL of a few seconds (X-Amz-Date has whole seconds) is refused after them.
      const brief = await store.presign(guide.id, 'video.mp4', 5);
      expect((await fetch(brief, { headers: { range: 'bytes=0-0' } })).status).toBe(206);
      await waitFor(async () => (await fetch(brief, { headers: { range: 'bytes=0-0' } })).status === 403, 30_000, 'the presigned URL to expire');
    } finally {
      await redirecting.close();
    }
  });

  it('answers 503 with Retry-After when the store does not answer, and says so in its log', async () => {
    const cut = await startTestApi({ backend: 'pglite', label: 'media_s3_down', db: api.db, env: { ...s3.env, MEDIA_S3_ENDPOINT: 'http://127.0.0.1:1' } });
    try {
      const res = await fetch(`${cut.url}/api/media/${guide.token}/video.mp4`, { headers: { range: 'bytes=0-9' } });
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      expect(cut.logs.some((l) => l.includes('media store unavailable'))).toBe(true);
    } finally {
      await cut.close();
    }
  });

  it("removes a guide's objects on DELETE and on purge, and sweeps objects whose guide is gone", async () => {
    const files = { 'video.mp4': randomBytes(1000), 'captions.vtt': 'WEBVTT\n', 'poster.jpg': 'p' };
    const [deleted, expired, live] = [await createGuide('s3-del'), await createGuide('s3-expired'), await createGuide('s3-live')];
    for (const g of [deleted, expired, live]) await store.publish(g.id, stage(files));
    expect((await call(api, 'DELETE', `/api/guides/${deleted.id}`)).status).toBe(204);
    expect(await guideKeys(deleted.id)).toEqual([]);

    await api.db.query(`UPDATE guides SET expires_at = now() - interval '40 days' WHERE id = $1`, [expired.id]);
    expect(await purgeExpired(api.db, { media: store, graceSeconds: 30 * 86_400 })).toEqual({ guides: 1 });
    expect(await guideKeys(expired.id)).toEqual([]);
    expect(await api.db.query('SELECT id FROM guides WHERE id = $1', [expired.id])).toEqual([]);
    expect(await guideKeys(live.id)).toHaveLength(3);

    // A render that finished after its guide was deleted, or a crash between row and objects.
    const orphan = randomUUID();
    await store.publish(orphan, stage(files));
    expect(await sweepOrphans(api.db, store)).toEqual({ orphans: 1 });
    expect(await guideKeys(orphan)).toEqual([]);
    expect(await guideKeys(live.id)).toHaveLength(3);
    expect((await s3.keys('videoguida/test/guides/')).every((k) => !k.includes(orphan))).toBe(true);
  });

  it('a worker marks a guide ready only once its files are in the bucket; one deleted during the upload leaves none', async () => {
    const [kept, doomed] = [await createGuide('s3-worker-kept'), await createGuide('s3-worker-doomed')];
    const statusAtPublish = new Map<string, string | undefined>();
    const published = new Set<string>();
    const media = Object.create(store) as S3MediaStore;
    media.publish = async (id, dir, signal) => {
      statusAtPublish.set(id, (await getGuide(api.db, id))?.status);
      // The operator's DELETE lands while the worker uploads.
      if (id === doomed.id) await deleteGuide(api.db, id);
      await store.publish(id, dir, signal);
      published.add(id);
    };
    const worker = new RenderWorker({
      connection: { url: REDIS_URL, maxRetriesPerRequest: null },
      prefix: api.config.queuePrefix,
      db: api.db,
      videoDir: fs.mkdtempSync(path.join(os.tmpdir(), 'vg-s3-worker-')),
      media,
      renderer: fakeRenderer({ tag: 's3' }),
      logger: createLogger({ level: 'silent' }),
    });
    try {
      await waitFor(async () => (await getGuide(api.db, kept.id))?.status === 'ready', 60_000, 'the kept guide to be ready');
      // Its upload done, then its objects gone: the worker removed them.
      await waitFor(async () => published.has(doomed.id) && (await guideKeys(doomed.id)).length === 0, 60_000, "the deleted guide's objects to be removed");
    } finally {
      await worker.close();
    }
    expect(statusAtPublish.get(kept.id)).toBe('rendering');
    expect(await guideKeys(kept.id)).toEqual([`videoguida/test/guides/${kept.id}/video.mp4`]);
    expect(await guideKeys(doomed.id)).toEqual([]);
  });

  it('keeps render cache entries in the store: a directory of frames comes back byte for byte, a bad one is rebuilt', async () => {
    const frames = Array.from({ length: 3 }, () => randomBytes(50_000));
    let builds = 0;
    const build = async (dir: string) => {
      builds++;
      fs.mkdirSync(dir, { recursive: true });
      frames.forEach((f, i) => fs.writeFileSync(path.join(dir, `${String(i).padStart(4, '0')}.png`), f));
    };
    const name = `${'ab'.repeat(32)}.frames`;
    let fetched = 0;
    const tmp = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vg-s3-frames-')), 'entry');
    await viaStore(store.sharedCache, name, 'dir', () => fetched++, build)(tmp());
    const again = tmp();
    await viaStore(store.sharedCache, name, 'dir', () => fetched++, build)(again);
    expect([builds, fetched]).toEqual([1, 1]);
    expect(fs.readdirSync(again).sort()).toEqual(['0000.png', '0001.png', '0002.png']);
    frames.forEach((f, i) => expect(fs.readFileSync(path.join(again, `000${i}.png`)).equals(f)).toBe(true));
    // An object that does not match its index (truncated, tampered) is not trusted: built again.
    const bad = path.join(os.tmpdir(), `vg-bad-${process.pid}`);
    fs.writeFileSync(bad, Buffer.concat([Buffer.from([0, 0, 0, 20]), Buffer.from('[["../x.png",1]]    '), Buffer.from('x')]));
    await store.sharedCache!.put(name, bad);
    const third = tmp();
    await viaStore(store.sharedCache, name, 'dir', () => fetched++, build)(third);
    expect([builds, fetched]).toEqual([2, 1]);
    expect(fs.readdirSync(third)).toHaveLength(3);
    expect(fs.existsSync(path.join(path.dirname(third), 'x.png'))).toBe(false);
  });

  it('logs no error line and no personal data', () => {
    const lines = api.logs.map((l) => JSON.parse(l) as { level: number });
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
    expect(api.logs.join('\n')).not.toContain(guide.envelope.citizen.fiscalCode);
  });
});
