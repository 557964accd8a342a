import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { generateEnvelopes } from '../compositions/generator/generate';
import { EnvelopeError, firstJson, guideFromEnvelope } from '../render-worker/load-envelope';

const run = promisify(execFile);

describe('render CLI input', () => {
  it('reads one JSON envelope, or the first line of NDJSON', () => {
    const [a, b] = [...generateEnvelopes('naspi', 2, 'cli')];
    expect(firstJson(JSON.stringify(a, null, 2))).toEqual(a);
    expect(firstJson(`${JSON.stringify(a)}\n${JSON.stringify(b)}\n`)).toEqual(a);
    expect(() => firstJson('')).toThrow(EnvelopeError);
    expect(() => firstJson('{nope')).toThrow(/not JSON/);
  });

  it('validates with envelopeSchema and drops the fiscal code from the guide', () => {
    const [e] = [...generateEnvelopes('invalidita', 1, 'cli')];
    const { guide } = guideFromEnvelope(e);
    expect(guide.type).toBe('invalidita');
    expect(JSON.stringify(guide)).not.toMatch(/fiscalCode|externalRef/);
  });

  it('names every bad field', () => {
    const [e] = [...generateEnvelopes('pensione', 1, 'cli')] as Record<string, any>[];
    e!.citizen.fiscalCode = 'RSSMRA79B11C566X';
    e!.benefit.firstPaymentDate = '2026-02-30';
    try {
      guideFromEnvelope(e);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(EnvelopeError);
      const paths = (err as EnvelopeError).problems.map((p) => p.path);
      expect(paths).toContain('citizen.fiscalCode');
      expect(paths).toContain('benefit.firstPaymentDate');
    }
  });

  it('exits 1 with the field errors on stderr, and 2 on bad arguments, rendering nothing', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'render-cli-'));
    try {
      const bad = path.join(dir, 'bad.json');
      await fs.writeFile(bad, JSON.stringify({ type: 'naspi', locale: 'fr', externalRef: 'X', citizen: {}, benefit: {} }));
      const cli = (args: string[]) =>
        run('npx', ['tsx', 'system/render-cli.ts', ...args]).then(
          () => ({ code: 0, stderr: '' }),
          (err: { code: number; stderr: string }) => err,
        );
      const invalid = await cli(['--data', bad, '--out', path.join(dir, 'out')]);
      expect(invalid.code).toBe(1);
      expect(invalid.stderr).toMatch(/locale: expected "it" or "en"/);
      expect(invalid.stderr).toMatch(/citizen\.fiscalCode/);
      const usage = await cli(['--data', bad, '--resolution', '4k']);
      expect(usage.code).toBe(2);
      expect(usage.stderr).toMatch(/--out/);
      expect(usage.stderr).toMatch(/--resolution: expected 720p or 1080p/);
      await expect(fs.access(path.join(dir, 'out'))).rejects.toThrow();
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
