/**
 * npm run doctor [-- --for start|test]: runs before `npm start` and `npm test`.
 * Exit code 0 when everything required is present; otherwise prints the commands to run.
 */
import { parseArgs } from 'node:util';
import { checkChromium, checkCommand, checkFestival, ensurePackages, installCommand, pingRedis, redisStartCommand } from './doctor';

const { values } = parseArgs({ options: { for: { type: 'string', default: process.env.npm_lifecycle_event === 'prestart' ? 'start' : 'test' } } });
const purpose = values.for === 'start' ? 'start' : 'test';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const say = (line: string) => process.stdout.write(`doctor: ${line}\n`);
const missing = ensurePackages(say);

const checks = [
  checkChromium(process.env.BROWSER_EXECUTABLE),
  checkCommand('ffmpeg'),
  checkCommand('ffprobe'),
  checkCommand('espeak-ng', ['--version']),
  checkFestival(),
];
const [major] = process.versions.node.split('.').map(Number);
checks.unshift({ name: 'node', ok: major! >= 20, detail: process.version, fix: 'install Node.js 20 or newer' });

const redisUp = await pingRedis(redisUrl);
// `npm start` launches its own redis-server when none answers; tests need one running.
if (redisUp) checks.push({ name: 'redis', ok: true, detail: `answers at ${redisUrl}` });
else if (purpose === 'start') checks.push({ name: 'redis', ok: true, detail: `nothing at ${redisUrl}: npm start will launch redis-server` });
else checks.push({ name: 'redis', ok: false, detail: `nothing answers at ${redisUrl}`, fix: redisStartCommand(redisUrl) });

for (const c of checks) say(`${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`);
const failed = checks.filter((c) => !c.ok);
if (missing.length && !failed.some((c) => c.fix?.includes('apt-get'))) say(`still missing Debian packages: ${installCommand(missing)}`);
if (failed.length) {
  say('fix with:');
  for (const c of failed) if (c.fix) say(`  ${c.fix}`);
  process.exit(1);
}
