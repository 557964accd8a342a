import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

/**
 * Finds what the project needs outside npm and, where it safely can (Debian, as root),
 * installs it. Everything it cannot fix comes back with the exact command to run.
 */

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
  /** The command a person should run when the check failed and could not be fixed here. */
  fix?: string;
}

/**
 * Debian packages: Chromium renders, ffmpeg joins and probes, espeak-ng and Festival speak, and
 * redis-server holds the queues when no Redis answers (npm start launches it).
 */
export const DEBIAN_PACKAGES: Record<string, string> = {
  chromium: 'chromium',
  ffmpeg: 'ffmpeg',
  ffprobe: 'ffmpeg',
  'espeak-ng': 'espeak-ng',
  festival: 'festival',
  'festvox-italp16k': 'festvox-italp16k',
  'festvox-itapc16k': 'festvox-itapc16k',
  'fonts-dejavu-core': 'fonts-dejavu-core',
  'redis-server': 'redis-server',
};

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome'];

export function findChromium(preferred?: string): string | undefined {
  for (const p of [preferred, ...CHROMIUM_CANDIDATES]) {
    if (p && fs.existsSync(p)) return p;
  }
  return undefined;
}

export function onPath(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

const FESTIVAL_VOICE_DIR: Record<string, string> = { 'festvox-italp16k': 'lp_diphone', 'festvox-itapc16k': 'pc_diphone' };
const festivalVoice = (pkg: string) => fs.existsSync(`/usr/share/festival/voices/italian/${FESTIVAL_VOICE_DIR[pkg]}`);

export interface PackageNeeds {
  /** No Redis answers at REDIS_URL, so one is launched on this machine (npm start, the test services). */
  redisServer?: boolean;
  /** BROWSER_EXECUTABLE as the caller's config read it: a Chromium there needs no package. */
  browserExecutable?: string;
}

/** The Debian packages to install; `has` finds a command on PATH (a parameter for the tests). */
export function missingPackages(needs: PackageNeeds = {}, has: (cmd: string) => boolean = onPath): string[] {
  const missing = new Set<string>();
  if (needs.redisServer && !has('redis-server')) missing.add('redis-server');
  if (!findChromium(needs.browserExecutable)) missing.add('chromium');
  for (const cmd of ['ffmpeg', 'ffprobe', 'espeak-ng', 'festival']) if (!has(cmd)) missing.add(DEBIAN_PACKAGES[cmd]!);
  for (const v of ['festvox-italp16k', 'festvox-itapc16k']) if (!festivalVoice(v)) missing.add(v);
  if (!fs.existsSync('/usr/share/fonts/truetype/dejavu')) missing.add('fonts-dejavu-core');
  return [...missing];
}

const isDebian = () => fs.existsSync('/etc/debian_version');
const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

export function installCommand(packages: string[]): string {
  return `sudo apt-get update && sudo apt-get install -y --no-install-recommends ${packages.join(' ')}`;
}

/** Installs missing Debian packages when running as root on Debian; returns what is still missing. */
export function ensurePackages(log: (line: string) => void, needs: PackageNeeds = {}): string[] {
  let missing = missingPackages(needs);
  if (missing.length === 0 || !isDebian() || !isRoot()) return missing;
  log(`installing ${missing.join(', ')} with apt-get (a few minutes the first time)`);
  // env(1) adds the variable to the environment the child inherits, without this module reading it.
  const apt = (...args: string[]) => spawnSync('env', ['DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args], { stdio: 'ignore' });
  const update = apt('update');
  if (update.status !== 0) log('apt-get update failed; trying the install with the current package lists');
  apt('install', '-y', '--no-install-recommends', ...missing);
  missing = missingPackages(needs);
  return missing;
}

export function checkChromium(preferred?: string): Check {
  const found = findChromium(preferred);
  if (!found) {
    return {
      name: 'chromium',
      ok: false,
      detail: "no system Chromium; Remotion's own Chrome Headless Shell will be downloaded on first render where the network allows",
      fix: installCommand(['chromium']),
    };
  }
  try {
    const version = execFileSync(found, ['--version'], { encoding: 'utf8', timeout: 15_000, stdio: ['ignore', 'pipe', 'pipe'] }).trim();
    return { name: 'chromium', ok: true, detail: `${version} (${found})` };
  } catch {
    return { name: 'chromium', ok: false, detail: `${found} does not start`, fix: installCommand(['chromium']) };
  }
}

export function checkCommand(cmd: string, versionArgs: string[] = ['-version']): Check {
  if (!onPath(cmd)) return { name: cmd, ok: false, detail: 'not found', fix: installCommand([DEBIAN_PACKAGES[cmd] ?? cmd]) };
  const out = spawnSync(cmd, versionArgs, { encoding: 'utf8', timeout: 15_000 });
  const first = `${out.stdout ?? ''}${out.stderr ?? ''}`.split('\n').find((l) => l.trim()) ?? 'present';
  return { name: cmd, ok: true, detail: first.trim().slice(0, 100) };
}

/** Festival speaks Italian with the two diphone voices; without them narration falls back to espeak-ng. */
export function checkFestival(): Check {
  const missing = Object.keys(FESTIVAL_VOICE_DIR).filter((v) => !festivalVoice(v));
  if (!onPath('festival')) missing.unshift('festival');
  if (missing.length) return { name: 'festival', ok: false, detail: `missing ${missing.join(', ')}`, fix: installCommand(missing) };
  return { name: 'festival', ok: true, detail: `Italian voices ${Object.values(FESTIVAL_VOICE_DIR).join(', ')}` };
}

/** Opens a TCP connection and sends PING; resolves true on +PONG. */
export function pingRedis(url: string, timeoutMs = 1500): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: u.hostname || '127.0.0.1', port: Number(u.port || 6379) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => {
      if (u.password) socket.write(`AUTH ${decodeURIComponent(u.password)}\r\n`);
      socket.write('PING\r\n');
    });
    socket.on('data', (d) => {
      if (d.toString().includes('PONG')) done(true);
    });
  });
}

/**
 * The command to start a Redis the project can use: persistent (append-only file, fsync every
 * second) and never evicting, as production needs (BullMQ's "going to production"); tests are
 * indifferent to persistence, so one recommendation serves both.
 */
export function redisStartCommand(url: string): string {
  const port = new URL(url).port || '6379';
  return `mkdir -p ~/.local/share/videoguida-redis && redis-server --daemonize yes --port ${port} --dir ~/.local/share/videoguida-redis --appendonly yes --appendfsync everysec --maxmemory-policy noeviction`;
}

/** What production needs beyond this machine's packages (docs/operations.md has the whole checklist). */
export const PRODUCTION_RECOMMENDATIONS = [
  'Redis as its own service with appendonly yes, appendfsync everysec, maxmemory-policy noeviction (npm start refuses anything else in production and launches none)',
  'PostgreSQL (DATABASE_URL) for more than one process, with backups; PGlite is one process on one disk',
  'NODE_ENV=production with TOKEN_SECRET and FISCAL_CODE_HMAC_KEY (32+ random characters, never changed), OPERATOR_KEY, ANALYST_KEY, PUBLIC_BASE_URL (https)',
  'JWT_PUBLIC_KEY or JWKS_URL with JWT_ISSUER and JWT_AUDIENCE for the reserved area; SMTP_URL for email; NOTIFY_WEBHOOK_SECRET with SMS_WEBHOOK_URL / APP_WEBHOOK_URL; TRUST_PROXY behind a proxy',
];
