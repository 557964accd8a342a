/**
 * npm run doctor [-- --for start|test]: runs before `npm start` and `npm test`.
 * Exit code 0 when everything required is present; otherwise prints the commands to run. It also
 * says whether the configuration and Redis would do for production, and what production needs.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, productionProblems, type Config } from '../server/config';
import {
  checkChromium,
  checkCommand,
  checkFestival,
  ensurePackages,
  installCommand,
  onPath,
  pingRedis,
  PRODUCTION_RECOMMENDATIONS,
  redisStartCommand,
  type Check,
} from '../server/doctor';
import { createRedis, PRODUCTION_REDIS_CONF, readRedisSettings, redisAddress } from '../server/redis';

const { values } = parseArgs({ options: { for: { type: 'string', default: process.env.npm_lifecycle_event === 'prestart' ? 'start' : 'test' } } });
const purpose = values.for === 'start' ? 'start' : 'test';

const say = (line: string) => process.stdout.write(`doctor: ${line}\n`);

// The configuration npm start would run with; an invalid one is reported, and the checks below use
// the defaults.
let config: Config;
const checks: Check[] = [];
try {
  config = loadConfig(process.env);
  const problems = productionProblems(config);
  if (problems.length)
    checks.push({
      name: 'configuration',
      ok: false,
      detail: `production needs: ${problems.map((p) => `${p.variable} (${p.message})`).join('; ')}`,
      fix: 'set the variables above (docs/operations.md)',
    });
  else checks.push({ name: 'configuration', ok: true, detail: `valid (${config.env})` });
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  config = loadConfig({});
  checks.push({
    name: 'configuration',
    ok: false,
    detail: err.problems.map((p) => `${p.variable}: ${p.message}`).join('; '),
    fix: 'fix the variables above (.env.example documents each)',
  });
}
const production = config.env === 'production';
const redisUrl = config.redisUrl;

// Without a Redis answering, this machine runs one (npm start launches it; tests need it): on
// Debian, as root, redis-server is installed with the other packages (not in production, whose
// Redis is a service of its own).
const redisUp = await pingRedis(redisUrl);
const missing = ensurePackages(say, { redisServer: !redisUp && !production, browserExecutable: config.browserExecutable });
checks.push(
  checkChromium(config.browserExecutable),
  checkCommand('ffmpeg'),
  checkCommand('ffprobe'),
  checkCommand('espeak-ng', ['--version']),
  checkFestival(),
);
const [major] = process.versions.node.split('.').map(Number);
checks.unshift({ name: 'node', ok: major! >= 20, detail: process.version, fix: 'install Node.js 20 or newer' });

/** Whether the Redis that answers keeps its data and never evicts (production refuses it otherwise). */
async function redisSettingsCheck(): Promise<Check> {
  const at = redisAddress(redisUrl);
  const client = createRedis({ ...config.redis, commandTimeoutMs: Math.min(config.redis.commandTimeoutMs, 2000) }, 'commands', 'doctor');
  client.on('error', () => undefined);
  try {
    const settings = await readRedisSettings(client);
    if (!settings.problems.length)
      return {
        name: 'redis',
        ok: true,
        detail: `answers at ${at}; production-ready (appendonly ${settings.appendonly}, maxmemory-policy ${settings.maxmemoryPolicy})`,
      };
    const found = settings.problems.map((p) => `${p.setting}: expected ${p.expected}, got ${p.got}`).join('; ');
    // Tests and a laptop do without; production refuses it (npm start names the same settings).
    return {
      name: 'redis',
      ok: !production,
      detail: `answers at ${at}; ${production ? '' : 'fine here, not for production: '}${found}`,
      fix: `set in redis.conf: ${PRODUCTION_REDIS_CONF.join('; ')}`,
    };
  } catch (err) {
    const detail = `answers at ${at}; its settings could not be read (CONFIG GET: ${(err as Error).message})`;
    return {
      name: 'redis',
      ok: !production || config.redis.skipSettingsCheck,
      detail,
      fix: 'verify appendonly/save and maxmemory-policy noeviction with the provider, then set REDIS_SKIP_SETTINGS_CHECK=true',
    };
  } finally {
    client.disconnect();
  }
}

// `npm start` launches its own redis-server when none answers (outside production); tests need one running.
if (redisUp) checks.push(await redisSettingsCheck());
else if (purpose === 'start' && !production && !onPath('redis-server'))
  checks.push({
    name: 'redis',
    ok: false,
    detail: `nothing at ${redisAddress(redisUrl)} and no redis-server to launch`,
    fix: installCommand(['redis-server']),
  });
else if (purpose === 'start' && !production)
  checks.push({ name: 'redis', ok: true, detail: `nothing at ${redisAddress(redisUrl)}: npm start will launch redis-server (append-only, noeviction)` });
else checks.push({ name: 'redis', ok: false, detail: `nothing answers at ${redisAddress(redisUrl)}`, fix: redisStartCommand(redisUrl) });

for (const c of checks) say(`${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`);
say('production (NODE_ENV=production; docs/operations.md) needs:');
for (const line of PRODUCTION_RECOMMENDATIONS) say(`  - ${line}`);
const failed = checks.filter((c) => !c.ok);
if (missing.length && !failed.some((c) => c.fix?.includes('apt-get'))) say(`still missing Debian packages: ${installCommand(missing)}`);
if (failed.length) {
  say('fix with:');
  for (const c of failed) if (c.fix) say(`  ${c.fix}`);
  process.exit(1);
}
