import { pino, type Logger } from 'pino';

/** The process logger: JSON lines on stdout, as pino writes them. */
export function createLogger(level: string): Logger {
  return pino({ level, base: undefined });
}
