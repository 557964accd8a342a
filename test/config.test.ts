import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseDuration, productionProblems } from '../server/config';
import { resolveSecrets } from '../server/secrets';

describe('config', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(c.tokenTtlSeconds).toBe(180 * 86_400);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.videoDir.endsWith('/data/videos')).toBe(true);
    expect(c.api).toEqual({
      rateLimits: { publicPerMinute: 300, tokenMisses: 30, tokenMissWindowSeconds: 900, keyFailures: 20, keyFailureWindowSeconds: 900 },
      trustProxy: 0,
      purgeIntervalSeconds: 3600,
    });
    expect(c.metricsKey).toBeUndefined();
    expect(c.embed.frameAncestors).toEqual(["'self'"]);
    expect(c.events).toEqual({
      perAddressPerMinute: 1200,
      perTokenPerMinute: 60,
      viewsPerBatch: 5,
      viewsPerTokenPerHour: 20,
      flushMs: 5,
      flushMaxEvents: 2000,
      maxAgeSeconds: 180 * 86_400,
      maxAheadSeconds: 86_400,
    });
    expect(c.jwt.maxLifetimeSeconds).toBe(3600);
    expect(c.notify).toMatchObject({
      smtpUrl: undefined,
      mailFrom: 'Videoguida <noreply@videoguida.localhost>',
      pecFrom: undefined,
      attempts: 8,
      smtpAcceptIsDelivery: false,
    });
    expect(c.notify.ratePerSecond).toEqual({ email: 50, sms: 20, app: 50, pec: 5 });
    expect(c.speech.engine).toBe('default');
    expect(c.redis).toEqual({ url: 'redis://127.0.0.1:6379', commandTimeoutMs: 2000, skipSettingsCheck: false });
  });

  it('reads the sections as their modules did', () => {
    const c = loadConfig({
      EMBED_FRAME_ANCESTORS: ' https://www.istituto.example  https://b.example ',
      PEC_SMTP_URL: 'smtps://u:p@pec.example.it:465',
      SMTP_ACCEPT_IS_DELIVERY: '1',
      TRUST_PROXY: '1',
    });
    expect(c.embed.frameAncestors).toEqual(["'self'", 'https://www.istituto.example', 'https://b.example']);
    expect(loadConfig({ EMBED_FRAME_ANCESTORS: '*' }).embed.frameAncestors).toEqual(['*']);
    expect(c.notify.pecFrom).toBe(c.notify.mailFrom);
    expect(c.notify.smtpAcceptIsDelivery).toBe(true);
    expect(c.api.trustProxy).toBe(1);
    const voices = '{"it":{"F":"a","M":"b"},"en":{"F":"c","M":"d"}}';
    const http = loadConfig({ SPEECH_ENGINE: 'http', SPEECH_HTTP_URL: 'https://tts.example/v1', SPEECH_HTTP_KEY: 'k', SPEECH_HTTP_VOICES: voices });
    expect(http.speech.http).toEqual({ url: 'https://tts.example/v1', key: 'k', voices: JSON.parse(voices), timeoutMs: 30_000 });
  });

  // One bad value per section: the error names the variable.
  it.each([
    ['RATE_LIMIT_PUBLIC_PER_MINUTE', '0', /too small|>0/],
    ['EMBED_FRAME_ANCESTORS', "'self' ftp://files.example", /expected an origin/],
    ['EVENTS_FLUSH_MS', '5000', /too big|<=1000/],
    ['SMTP_URL', 'http://mail.example.org', /expected a URL such as smtp:/],
    ['NOTIFY_RATE_SMS', 'fast', /expected number/],
    ['SPEECH_HTTP_VOICES', '{"it":{}}', /expected JSON/],
    ['RENDER_RESOLUTION', '4k', /expected 720p or 1080p/],
    ['NOTIFY_WEBHOOK_SECRET', 'short', /NOTIFY_WEBHOOK_SECRET must be at least 32 characters/],
    ['EVENTS_MAX_AGE', '99999d', /at most 3650 days/],
    ['EVENTS_MAX_AHEAD', '30d', /at most 7 days/],
    ['JWT_MAX_LIFETIME', '30d', /at most 24h/],
    ['EVENTS_VIEWS_PER_BATCH', '0', /too small|>=1/],
    ['RATE_LIMIT_KEY_FAILURES', '-1', /too small|>0/],
    ['REDIS_COMMAND_TIMEOUT_MS', '10', /at least 50 ms/],
    ['REDIS_SKIP_SETTINGS_CHECK', 'yes', /expected true or false/],
  ])('names %s when it is wrong', (variable, value, message) => {
    try {
      loadConfig({ [variable]: value });
      throw new Error('should have failed');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).problems).toEqual([{ variable, message: expect.stringMatching(message) }]);
      expect((e as Error).message).toContain(`  ${variable}: `);
    }
  });

  it('bounds the event time window by the link lifetime unless told otherwise', () => {
    expect(loadConfig({ TOKEN_TTL: '90d' }).events.maxAgeSeconds).toBe(90 * 86_400);
    expect(loadConfig({ TOKEN_TTL: '90d', EVENTS_MAX_AGE: '30d', EVENTS_MAX_AHEAD: '2h' }).events).toMatchObject({
      maxAgeSeconds: 30 * 86_400,
      maxAheadSeconds: 7200,
    });
    expect(loadConfig({ JWT_MAX_LIFETIME: '15m' }).jwt.maxLifetimeSeconds).toBe(900);
  });

  // Issue #15: without an issuer and an audience, the reserved area takes tokens issued for any other application.
  it.each([
    [{ JWT_PUBLIC_KEY: 'PEM' }, ['JWT_AUDIENCE', 'JWT_ISSUER'], 'JWT_PUBLIC_KEY'],
    [{ JWKS_URL: 'https://idp.example/jwks.json', JWT_ISSUER: 'https://idp.example' }, ['JWT_AUDIENCE'], 'JWKS_URL'],
    [{ JWT_PUBLIC_KEY: 'PEM', JWT_AUDIENCE: 'videoguida', JWT_ISSUER: ' ' }, ['JWT_ISSUER'], 'JWT_PUBLIC_KEY'],
  ])('refuses production with a JWT key but no issuer or audience (%j)', (jwt, missing, key) => {
    try {
      loadConfig({ NODE_ENV: 'production', ...jwt });
      throw new Error('should have failed');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const problems = (e as ConfigError).problems;
      expect(problems.map((p) => p.variable).sort()).toEqual(missing);
      for (const p of problems) expect(p.message).toContain(`required in production when ${key} is set`);
      for (const v of missing) expect((e as Error).message).toContain(`  ${v}: required in production`);
    }
  });

  it('accepts production with issuer and audience, and development without them', () => {
    const jwt = { JWT_PUBLIC_KEY: 'PEM', JWT_ISSUER: 'https://idp.example', JWT_AUDIENCE: 'videoguida' };
    expect(loadConfig({ NODE_ENV: 'production', ...jwt }).jwt).toMatchObject({ issuer: 'https://idp.example', audience: 'videoguida' });
    expect(loadConfig({ NODE_ENV: 'production' }).jwt.publicKey).toBeUndefined();
    expect(loadConfig({ NODE_ENV: 'development', JWT_PUBLIC_KEY: 'PEM' }).jwt.issuer).toBeUndefined();
  });

  it('requires the cloud speech engine settings only when it is chosen', () => {
    expect(() => loadConfig({ SPEECH_ENGINE: 'http' })).toThrow(/SPEECH_HTTP_URL: required when SPEECH_ENGINE=http/);
  });

  it('resolves the webhook secret with the other secrets', () => {
    const keys = { FISCAL_CODE_HMAC_KEY: 'h'.repeat(40), TOKEN_SECRET: 's'.repeat(40) };
    const given = 'w'.repeat(40);
    expect(resolveSecrets(loadConfig({ ...keys, NOTIFY_WEBHOOK_SECRET: given })).notifyWebhookSecret).toBe(given);
    const derived = resolveSecrets(loadConfig({ ...keys, NODE_ENV: 'test' })).notifyWebhookSecret;
    expect(derived).toMatch(/^[\w-]{43}$/);
    expect(resolveSecrets(loadConfig({ ...keys, TOKEN_SECRET: 't'.repeat(40) })).notifyWebhookSecret).not.toBe(derived);
    expect(resolveSecrets(loadConfig({ ...keys, NODE_ENV: 'production' })).notifyWebhookSecret).toBeNull();
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

  describe('what production needs (productionProblems, checked by npm start)', () => {
    const random = (c: string) => `${c}${'0123456789abcdefghijklmnopqrstuvwxyzABCDEF'.slice(0, 39)}`;
    const complete = {
      NODE_ENV: 'production',
      TOKEN_SECRET: random('t'),
      FISCAL_CODE_HMAC_KEY: random('f'),
      OPERATOR_KEY: random('o'),
      ANALYST_KEY: random('a'),
      PUBLIC_BASE_URL: 'https://guide.example.org',
    };
    const problems = (env: Record<string, string>) => productionProblems(loadConfig(env));

    it('asks nothing outside production, and nothing more of a complete production', () => {
      expect(problems({})).toEqual([]);
      expect(problems({ NODE_ENV: 'test' })).toEqual([]);
      expect(problems(complete)).toEqual([]);
    });

    it('names every missing variable and why, and an http or default PUBLIC_BASE_URL', () => {
      const found = problems({ NODE_ENV: 'production' });
      expect(found.map((p) => p.variable)).toEqual(['TOKEN_SECRET', 'FISCAL_CODE_HMAC_KEY', 'OPERATOR_KEY', 'ANALYST_KEY', 'PUBLIC_BASE_URL']);
      for (const p of found) expect(p.message).toMatch(/^required in production: /);
      expect(found[4]!.message).toContain('got http://localhost:3000');
      expect(problems({ ...complete, PUBLIC_BASE_URL: 'http://guide.example.org' })).toEqual([
        { variable: 'PUBLIC_BASE_URL', message: expect.stringContaining('https://') },
      ]);
    });

    it('refuses placeholders and one secret for two purposes, never quoting a value', () => {
      const weak = problems({ ...complete, TOKEN_SECRET: 'changeme'.repeat(4), OPERATOR_KEY: 'a'.repeat(40) });
      expect(weak.map((p) => p.variable)).toEqual(['TOKEN_SECRET', 'OPERATOR_KEY']);
      expect(weak[0]!.message).toBe(
        'TOKEN_SECRET looks like a placeholder, not a random value (7 distinct characters in 32, expected at least 10); generate one with: openssl rand -base64 48',
      );
      expect(JSON.stringify(weak)).not.toContain('changeme');
      expect(problems({ ...complete, FISCAL_CODE_HMAC_KEY: complete.TOKEN_SECRET })).toEqual([
        { variable: 'FISCAL_CODE_HMAC_KEY', message: expect.stringContaining('must differ from TOKEN_SECRET') },
      ]);
    });

    it('needs the webhook secret when a gateway is configured', () => {
      expect(problems({ ...complete, SMS_WEBHOOK_URL: 'https://sms.example.org/send' })).toEqual([
        { variable: 'NOTIFY_WEBHOOK_SECRET', message: expect.stringMatching(/^required in production: SMS_WEBHOOK_URL is set/) },
      ]);
      expect(problems({ ...complete, SMS_WEBHOOK_URL: 'https://sms.example.org/send', NOTIFY_WEBHOOK_SECRET: random('w') })).toEqual([]);
    });
  });

  it('refuses short secrets', () => {
    expect(() => loadConfig({ FISCAL_CODE_HMAC_KEY: 'short' })).toThrow(/FISCAL_CODE_HMAC_KEY/);
  });
});
