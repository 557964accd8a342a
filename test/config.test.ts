import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseDuration } from '../server/config';

describe('config', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(c.tokenTtlSeconds).toBe(180 * 86_400);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.videoDir.endsWith('/data/videos')).toBe(true);
  });

  it('names the variable and what was expected', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', TOKEN_TTL: 'six months' });
      throw new Error('should have failed');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const vars = (e as ConfigError).problems.map((p) => p.variable).sort();
      expect(vars).toEqual(['DATABASE_URL', 'PORT', 'TOKEN_TTL']);
      expect((e as Error).message).toContain('postgres://');
      expect((e as Error).message).toContain('six months');
    }
  });

  it('parses durations', () => {
    expect(parseDuration('180d')).toBe(15_552_000);
    expect(parseDuration('2s')).toBe(2);
    expect(parseDuration('90')).toBe(90);
    expect(parseDuration('1y')).toBeNull();
  });

  it('refuses short secrets', () => {
    expect(() => loadConfig({ FISCAL_CODE_HMAC_KEY: 'short' })).toThrow(/FISCAL_CODE_HMAC_KEY/);
  });
});
