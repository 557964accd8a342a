import fs from 'node:fs';
import path from 'node:path';
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import express from 'express';
import { beforeAll, describe, expect, it } from 'vitest';
import { playerAssets } from '../api/ops/player-assets';
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
      for (const f of files) expect(fs.readFileSync(path.join(PLAYER_DIST, f), 'utf8'), f).not.toContain('In HTML, %s cannot be a child'); // a warning only React's development build carries;
    }
  });

  it('never carries the test-data generator (its name lists) in any browser bundle', () => {
    for (const entry of ['index.html', 'embed.html']) {
      for (const f of jsOf(
        entry,
        PLAYER_DIST,
        GUIDE_TYPES.map((t) => `../compositions/${t}/index.ts`),
      ).files) {
        const js = fs.readFileSync(path.join(PLAYER_DIST, f), 'utf8');
        // A surname and a birthplace code that only compositions/generator/people.ts holds.
        expect(js, `${entry}: ${f}`).not.toContain('Ferri-Bianchi');
        expect(js, `${entry}: ${f}`).not.toMatch(/["'`]Z330["'`]/);
      }
    }
  });

  // The budget above is gzip; the API once served these files uncompressed (713 KB on the wire).
  it('crosses the network compressed: Brotli or gzip by Accept-Encoding, hashed assets cached a year', async () => {
    const app = express().use(playerAssets(PLAYER_DIST));
    const server = await new Promise<http.Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const { port } = server.address() as AddressInfo;
    const get = (file: string, encoding?: string) =>
      new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        http
          .get({ port, host: '127.0.0.1', path: `/${file}`, headers: encoding ? { 'accept-encoding': encoding } : {} }, (res) => {
            const parts: Buffer[] = [];
            res.on('data', (d: Buffer) => parts.push(d));
            res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(parts) }));
          })
          .on('error', reject);
      });
    try {
      const { files } = jsOf('index.html', PLAYER_DIST, ['../compositions/naspi/index.ts']);
      let wire = 0;
      let raw = 0;
      for (const f of files) {
        const original = fs.readFileSync(path.join(PLAYER_DIST, f));
        const br = await get(f, 'gzip, deflate, br');
        expect(br.status, f).toBe(200);
        expect(br.headers['content-type'], f).toMatch(/javascript/);
        expect(br.headers['cache-control'], f).toBe('public, max-age=31536000, immutable');
        if (original.length >= 1024) {
          expect(br.headers['content-encoding'], f).toBe('br');
          expect(br.headers['vary'], f).toMatch(/Accept-Encoding/i);
          expect(zlib.brotliDecompressSync(br.body).equals(original), f).toBe(true);
          const gz = await get(f, 'gzip');
          expect(gz.headers['content-encoding'], f).toBe('gzip');
          expect(zlib.gunzipSync(gz.body).equals(original), f).toBe(true);
        }
        const plain = await get(f);
        expect(plain.headers['content-encoding'], f).toBeUndefined();
        expect(plain.body.equals(original), f).toBe(true);
        wire += br.body.length;
        raw += original.length;
      }
      expect(wire).toBeLessThanOrEqual(250 * 1024);
      expect(wire).toBeLessThan(raw / 2.5);
    } finally {
      server.close();
    }
  });
});
