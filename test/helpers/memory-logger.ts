import { createLogger, type Logger } from '../../server/logger';

/** A logger at info whose lines (pino JSON) are kept in `logs`, for the assertions on what a process logged. */
export function memoryLogger(): { logger: Logger; logs: string[] } {
  const logs: string[] = [];
  return { logger: createLogger({ level: 'info', destination: { write: (line: string) => void logs.push(line) } }), logs };
}
