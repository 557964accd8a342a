import pino, { type Logger, type LoggerOptions } from 'pino';

/**
 * Paths whose values never reach a log line: credentials, tokens and anything personal that
 * could travel inside an object we log by mistake.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  '*.authorization',
  '*.SPEECH_HTTP_KEY',
  '*.apiKey',
  '*.password',
  '*.token',
  '*.tokens',
  '*.fiscalCode',
  '*.email',
  '*.mobile',
  '*.pec',
  '*.givenName',
  '*.familyName',
  'citizen',
  '*.citizen',
  'envelope',
  '*.envelope',
];

/**
 * Where access tokens travel in a path: the segment after each of these prefixes. Express matches
 * routes case-insensitively and /g/:token, /api/access/:token and /api/media/:token/... answer for
 * /G/, /API/ACCESS/... alike, so the prefixes are compared case-insensitively and percent-decoded,
 * wherever they stand in the path (absolute-form request targets, doubled slashes). Masking must
 * cover at least what routing reaches; it covers more.
 */
const TOKEN_PREFIXES: readonly (readonly string[])[] = [['g'], ['api', 'access'], ['api', 'media'], ['v']];
/** A segment shaped like a token anywhere else (a long mixed run of base64url letters and digits), UUIDs aside. */
const TOKEN_LIKE = /[A-Za-z0-9_-]{20,}/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A scene's narration file, named by content (not a secret): <scene>-<16 hex>.wav. */
const NARRATION_FILE = /^[a-z0-9][a-z0-9-]{0,63}-[0-9a-f]{16}\.wav$/;
/** Query parameters whose values are never logged (names compared case-insensitively). */
const SECRET_PARAMS = /^(token|t|key|api_?key|access_token|jwt|sig|signature)$/i;

const decoded = (segment: string): string => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

function tokenLike(segment: string): boolean {
  const d = decoded(segment);
  const run = TOKEN_LIKE.exec(d)?.[0];
  return run !== undefined && !UUID.test(d) && !NARRATION_FILE.test(d) && /\d/.test(run) && /[A-Za-z]/.test(run);
}

/**
 * The URL as it may be logged: every token position masked, every secret query value masked, the
 * fragment dropped (browsers never send one; a hand-made request might: /embed#<token>).
 */
export function redactUrl(url: string): string {
  const hash = url.indexOf('#');
  const noFragment = hash === -1 ? url : url.slice(0, hash);
  const q = noFragment.indexOf('?');
  const pathPart = q === -1 ? noFragment : noFragment.slice(0, q);
  const queryPart = q === -1 ? '' : noFragment.slice(q + 1);
  const segments = pathPart.split('/');
  const norm = segments.map((s) => decoded(s).toLowerCase());
  const masked = segments.map((s, i) => {
    if (s === '') return s;
    for (const prefix of TOKEN_PREFIXES) {
      const start = i - prefix.length;
      if (start >= 0 && prefix.every((p, k) => norm[start + k] === p)) return '[token]';
    }
    return tokenLike(s) ? '[token]' : s;
  });
  let out = masked.join('/');
  if (q !== -1) {
    out += `?${queryPart
      .split('&')
      .map((pair) => {
        const eq = pair.indexOf('=');
        const name = decoded(eq === -1 ? pair : pair.slice(0, eq)).trim();
        if (SECRET_PARAMS.test(name)) return `${eq === -1 ? pair : pair.slice(0, eq)}=[redacted]`;
        return eq !== -1 && tokenLike(pair.slice(eq + 1)) ? `${pair.slice(0, eq)}=[redacted]` : pair;
      })
      .join('&')}`;
  }
  return hash === -1 ? out : `${out}#[redacted]`;
}

export function createLogger(options: { level?: string; name?: string; destination?: pino.DestinationStream } = {}): Logger {
  const opts: LoggerOptions = {
    level: options.level ?? 'info',
    name: options.name ?? 'videoguida',
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return options.destination ? pino(opts, options.destination) : pino(opts);
}

export type { Logger };
