import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { envelopeSchema } from '../compositions/guide-types';

const run = (...args: string[]) => execFileSync('npx', ['tsx', 'system/generate-cli.ts', ...args], { encoding: 'utf8' });

describe('npm run data:generate', () => {
  it('prints N valid envelopes as NDJSON, the same for the same seed', () => {
    const out = run('--type', 'all', '--count', '12', '--seed', 'cli');
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(12);
    const types = lines.map((l) => envelopeSchema.parse(JSON.parse(l)).type);
    expect(new Set(types)).toEqual(new Set(['naspi', 'pensione', 'red', 'auu', 'sfl', 'invalidita']));
    expect(run('--type', 'all', '--count', '12', '--seed', 'cli')).toBe(out);
    expect(run('--type', 'all', '--count', '12', '--seed', 'other')).not.toBe(out);
  });

  it('refuses an unknown type with the list of valid ones', () => {
    expect(() => execFileSync('npx', ['tsx', 'system/generate-cli.ts', '--type', 'bonus'], { stdio: 'pipe' })).toThrow(
      /--type: expected one of naspi, pensione, red, auu, sfl, invalidita or all, got "bonus"/,
    );
  });
});
