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

// Access tokens live in these URL shapes; the path segment is replaced before logging.
const TOKEN_IN_PATH = /(\/(?:g|api\/access|api\/media|v)\/)[A-Za-z0-9_-]{8,}/g;

export function redactUrl(url: string): string {
  return url.replace(TOKEN_IN_PATH, '$1[token]').replace(/([?&](?:token|t|key)=)[^&#]*/gi, '$1[redacted]');
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
