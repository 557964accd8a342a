import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateEnvelopes } from '../compositions/generator/generate';
import { call, tokenOf } from './helpers/api';
import { useTestApi } from './helpers/test-api-hooks';

// Issue #15, finding 7: a Range the file cannot serve answered 500 with a stack trace in the log.
describe('Range requests on media (PGlite)', () => {
  let video: string;
  const SIZE = 1000;
  const api = useTestApi({ backend: 'pglite', label: 'security_range' }, async () => {
    const g = await (await call(api, 'POST', '/api/guides', { body: [...generateEnvelopes('red', 1, 'range')][0] })).json();
    const dir = path.join(api.config.videoDir, g.id);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'video.mp4'), Buffer.alloc(SIZE, 1));
    fs.writeFileSync(path.join(dir, 'chapters.json'), '');
    await api.db.query(`UPDATE guides SET status = 'ready' WHERE id = $1`, [g.id]);
    video = `${api.url}/api/media/${tokenOf(g.links.qr)}/video.mp4`;
  });

  it.each([
    ['bytes=5-1', 'not before its first'],
    ['bytes=999999999-', 'no byte of the range lies in the file (1000 bytes)'],
    ['bytes=-0', 'no byte of the range lies in the file'],
    ['bytes=1000-1000', 'no byte of the range lies in the file'],
    ['bytes=abc', 'expected bytes=<first>-<last>'],
    ['bytes=1-2-3', 'expected bytes=<first>-<last>'],
    ['bytes=', 'expected bytes=<first>-<last>'],
    ['5-1', 'expected bytes=<first>-<last>'],
    ['bytes=0-1,5-1', 'not before its first'],
    ['bytes=2000-,3000-', 'no byte of the range lies in the file'],
  ])('answers %s with 416, Content-Range bytes */size and the error shape', async (range, message) => {
    const res = await fetch(video, { headers: { range } });
    expect(res.status).toBe(416);
    expect(res.headers.get('content-range')).toBe(`bytes */${SIZE}`);
    const body = await res.json();
    expect(body.error).toMatchObject({ code: 'range_not_satisfiable', field: 'Range' });
    expect(body.error.message).toContain(message);
    const head = await fetch(video, { method: 'HEAD', headers: { range } });
    expect(head.status).toBe(416);
  });

  it('serves good, clamped, combined and multiple ranges cleanly', async () => {
    const cases: [string, number, string | null, number][] = [
      ['bytes=0-9', 206, 'bytes 0-9/1000', 10],
      ['bytes=990-5000', 206, 'bytes 990-999/1000', 10],
      ['bytes=-10', 206, 'bytes 990-999/1000', 10],
      ['bytes=-5000', 206, 'bytes 0-999/1000', 1000],
      // Overlapping or adjacent ranges are one range.
      ['bytes=0-9, 10-19', 206, 'bytes 0-19/1000', 20],
      // Disjoint ranges: the whole file (multipart/byteranges is not offered).
      ['bytes=0-1,500-501', 200, null, SIZE],
      // A unit the server does not know is ignored.
      ['items=0-1', 200, null, SIZE],
    ];
    for (const [range, status, contentRange, length] of cases) {
      const res = await fetch(video, { headers: { range } });
      expect(res.status, range).toBe(status);
      expect(res.headers.get('content-range'), range).toBe(contentRange);
      expect((await res.arrayBuffer()).byteLength, range).toBe(length);
    }
  });

  it('refuses any range of an empty file with 416', async () => {
    const res = await fetch(video.replace('video.mp4', 'chapters.json'), { headers: { range: 'bytes=0-' } });
    expect(res.status).toBe(416);
    expect(res.headers.get('content-range')).toBe('bytes */0');
  });

  it('answers a path parameter that is not valid percent-encoding with 400, not 500', async () => {
    const res = await fetch(`${api.url}/g/%E0%A4%A`);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 'bad_request', message: 'the request could not be read (malformed URL or header)', field: null } });
  });

  it('logs no stack trace and no error line for any of these client errors', () => {
    const lines = api.logs.map((l) => JSON.parse(l) as { level: number; err?: { stack?: string }; msg: string });
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
    expect(api.logs.join('\n')).not.toMatch(/stack|RangeNotSatisfiable|URIError/);
  });
});
