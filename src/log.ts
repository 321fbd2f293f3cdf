/**
 * @module log
 * Structured logs with a fixed key vocabulary (source_id, source_url, article_id, subject_id,
 * error). JSON lines by default; the destination is injectable so tests can read what was logged.
 */
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    { level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime },
    destination ?? pino.destination(2),
  );
}

/** A logger that writes nowhere, for pure unit tests. */
export const silentLogger: Logger = pino({ level: 'silent' });
