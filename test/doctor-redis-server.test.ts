import { describe, expect, it } from 'vitest';
import { DEBIAN_PACKAGES, installCommand, missingPackages } from '../server/doctor';

/**
 * Issue #18, point 6: on a Debian machine without Redis, the doctor installs redis-server with
 * apt-get as it installs Chromium (ensurePackages installs whatever missingPackages lists, as root
 * on Debian). The machine's own PATH stands in for "has": here a lookup that lacks redis-server.
 */
describe('doctor: redis-server', () => {
  const without = (cmd: string) => cmd !== 'redis-server';
  it('is to be installed when no Redis answers and there is no redis-server to launch', () => {
    expect(missingPackages({ redisServer: true }, without)).toContain('redis-server');
    expect(DEBIAN_PACKAGES['redis-server']).toBe('redis-server');
    expect(installCommand(['redis-server'])).toBe('sudo apt-get update && sudo apt-get install -y --no-install-recommends redis-server');
  });

  it('is left alone when a Redis answers (or production, whose Redis is its own service), or when it is installed', () => {
    expect(missingPackages({ redisServer: false }, without)).not.toContain('redis-server');
    expect(missingPackages({}, without)).not.toContain('redis-server');
    expect(missingPackages({ redisServer: true }, () => true)).not.toContain('redis-server');
  });
});
