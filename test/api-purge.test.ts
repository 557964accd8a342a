import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateEnvelopes } from '../compositions/generator/generate';
import { purgeExpired } from '../server/purge';
import { BACKENDS } from './helpers/databases';
import { call, tokenOf } from './helpers/api';
import { useTestApi } from './helpers/test-api-hooks';

describe.each(BACKENDS)('retention purge on %s', (backend) => {
  const api = useTestApi({ backend, label: 'api_purge' });

  it('deletes guides, tokens and videos past expiry plus grace, keeping events and live guides', async () => {
    const ids: string[] = [];
    const links: string[] = [];
    for (const e of generateEnvelopes('all', 4, `purge-${backend}`)) {
      const body = await (await call(api, 'POST', '/api/guides', { body: e })).json();
      ids.push(body.id);
      links.push(body.links.qr);
      fs.mkdirSync(path.join(api.config.videoDir, body.id), { recursive: true });
      fs.writeFileSync(path.join(api.config.videoDir, body.id, 'video.mp4'), 'x');
    }
    const day = 86_400_000;
    const now = Date.now();
    // ids[0]: expired 40 days ago (past a 30-day grace); ids[1]: expired 10 days ago (within grace).
    await api.db.query(`UPDATE guides SET expires_at = $2 WHERE id = $1`, [ids[0], new Date(now - 40 * day)]);
    await api.db.query(`UPDATE guides SET expires_at = $2 WHERE id = $1`, [ids[1], new Date(now - 10 * day)]);
    await api.db.query(
      `INSERT INTO events (id, guide_id, guide_type, view_id, kind, occurred_at) VALUES (gen_random_uuid(), $1, 'naspi', gen_random_uuid(), 'play', now())`,
      [ids[0]],
    );

    const result = await purgeExpired(api.db, { videoDir: api.config.videoDir, graceSeconds: 30 * 86_400, batchSize: 1 });
    expect(result).toEqual({ guides: 1 });
    expect(await api.db.query('SELECT id FROM guides WHERE id = $1', [ids[0]])).toEqual([]);
    expect(await api.db.query('SELECT count(*) AS n FROM tokens WHERE guide_id = $1', [ids[0]])).toEqual([{ n: 0 }]);
    expect(fs.existsSync(path.join(api.config.videoDir, ids[0]!))).toBe(false);
    expect(await api.db.query('SELECT count(*) AS n FROM events WHERE guide_id = $1', [ids[0]])).toEqual([{ n: 1 }]);
    for (const id of ids.slice(1)) {
      expect(await api.db.query('SELECT count(*) AS n FROM tokens WHERE guide_id = $1', [id])).toEqual([{ n: 4 }]);
      expect(fs.existsSync(path.join(api.config.videoDir, id, 'video.mp4'))).toBe(true);
    }
    // Within the grace period the data is kept, but the link already answers 404.
    expect((await fetch(`${api.url}/api/access/${tokenOf(links[1]!)}`)).status).toBe(404);
    expect((await fetch(`${api.url}/api/access/${tokenOf(links[2]!)}`)).status).toBe(200);
    expect(await purgeExpired(api.db, { videoDir: api.config.videoDir, graceSeconds: 30 * 86_400 })).toEqual({ guides: 0 });
    expect(await purgeExpired(api.db, { videoDir: api.config.videoDir, graceSeconds: 86_400 })).toEqual({ guides: 1 });
  });
});
