import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateEnvelopes } from '../compositions/generator/generate';
import { createBodyReader } from '../intake/body-reader';
import { waitFor } from './helpers/rabbitmq';

/** The intake's body-reader threads (intake/body-reader.ts) when they cannot run. */
describe('intake body reader', () => {
  it('falls back to reading inline, once, when its threads keep dying at start', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vg-body-reader-'));
    const broken = path.join(dir, 'broken-thread.mjs');
    fs.writeFileSync(broken, "throw new Error('this thread cannot start');\n");
    const fallbacks: string[] = [];
    const reader = createBodyReader({
      threads: 1,
      maxMessageBytes: 65_536,
      fiscalCodeHmacKey: 'k'.repeat(40),
      workerUrl: pathToFileURL(broken),
      onFallback: (r) => fallbacks.push(r),
    });
    const [envelope] = [...generateEnvelopes('red', 1, 'body-reader')];
    try {
      // Reads fail while the threads die (their batch would go back on the queue), then succeed inline.
      const result = await waitFor(() => reader.read([envelope, Buffer.from('{')]).catch(() => undefined), 20_000, 'a read that succeeds');
      expect(result.map((r) => r.ok)).toEqual([true, false]);
      expect(fallbacks).toHaveLength(1);
      expect(fallbacks[0]).toMatch(/cannot start/);
    } finally {
      await reader.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
