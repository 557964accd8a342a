import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { generateEnvelopes } from '../compositions/generator/generate';
import { redactUrl } from '../server/logger';
import { call, tokenOf, type TestApi } from './helpers/api';
import { useTestApi } from './helpers/test-api-hooks';

/** A raw request, so the request target is sent exactly as written (absolute form, a fragment). */
function rawGet(api: TestApi, target: string): Promise<number> {
  const { hostname, port } = new URL(api.url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port, method: 'GET', path: target }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

// Issue #15, finding 5: masking was case-sensitive while routing is not, so /G/<token> was logged in clear.
describe('tokens never reach the log, whatever the spelling of the path (PGlite)', () => {
  let token: string;
  const api = useTestApi({ backend: 'pglite', label: 'security_logs' }, async () => {
    const g = await (await call(api, 'POST', '/api/guides', { body: [...generateEnvelopes('red', 1, 'log-mask')][0] })).json();
    token = tokenOf(g.links.qr);
  });

  it('masks every path routing answers with the token, in any case', async () => {
    // Routing is case-insensitive: these reach the token routes (200), so masking must cover them.
    for (const p of [`/G/${token}`, `/API/ACCESS/${token}`, `/Api/Access/${token}/Narrated`, `/g/${token}/`]) {
      expect((await fetch(`${api.url}${p}`)).status, p).toBe(200);
    }
    const others = [
      `/API/MEDIA/${token}/video.mp4`,
      `/%67/${token}`,
      `/api/%61ccess/${token}`,
      `//g/${token}`,
      `/api/access/unknown?TOKEN=${token}`,
      `/api/access/unknown?Key=${token}`,
      `/nothing/here/${token}`,
    ];
    for (const p of others) await fetch(`${api.url}${p}`);
    const { port } = new URL(api.url);
    expect(await rawGet(api, `http://127.0.0.1:${port}/G/${token}`)).toBe(200);
    await rawGet(api, `/embed#${token}`);
    await rawGet(api, `/g/${token}#${token}`);

    const logs = api.logs.join('\n');
    expect(logs).not.toContain(token);
    expect(logs).not.toContain(token.slice(0, 20));
    expect(logs).toContain('/G/[token]');
    expect(logs).toContain('/API/ACCESS/[token]');
    expect(logs).toContain('/API/MEDIA/[token]/video.mp4');
  });

  it('masks by the same rules in redactUrl, and leaves ordinary paths readable', () => {
    const t = 'Piv7AzQ3iVl5v9kTqLlW59jDPvHN_MHL';
    expect(redactUrl(`/G/${t}`)).toBe('/G/[token]');
    expect(redactUrl(`/aPi/MeDiA/${t}/poster.jpg`)).toBe('/aPi/MeDiA/[token]/poster.jpg');
    expect(redactUrl(`/g/short`)).toBe('/g/[token]');
    expect(redactUrl(`/api/access/x?t=${t}&Access_Token=${t}`)).toBe('/api/access/[token]?t=[redacted]&Access_Token=[redacted]');
    expect(redactUrl(`/embed#${t}`)).toBe('/embed#[redacted]');
    const id = '0b6f7b8e-1c1a-4c59-9d3e-0a2a1a5f7e11';
    expect(redactUrl(`/api/guides/${id}/qr.png?channel=qr&size=512`)).toBe(`/api/guides/${id}/qr.png?channel=qr&size=512`);
    expect(redactUrl('/api/docs/assets/swagger-ui-standalone-preset.js')).toBe('/api/docs/assets/swagger-ui-standalone-preset.js');
    expect(redactUrl(`/api/media/${t}/narration/intro-0123456789abcdef.wav`)).toBe('/api/media/[token]/narration/intro-0123456789abcdef.wav');
  });
});
