/**
 * The service's pino logger: JSON lines with ISO times, personal data masked on the way out
 * (every line, whatever logged it) unless the sensitive-data switch is on.
 */
import { pino, stdTimeFunctions } from 'pino';
import type { DestinationStream, Logger, LoggerOptions } from 'pino';
import { maskPersonalData } from './mask.js';

/** Options of {@link createLogger}. */
export interface LoggerConfig {
  /** pino level (`fatal` … `trace`, or `silent`). @defaultValue 'info' */
  level?: string;
  /** Keep personal data in log lines (debugging with real data; never in production). @defaultValue false */
  sensitiveData?: boolean;
  /** Where lines go. @defaultValue standard output */
  destination?: DestinationStream;
}

/**
 * Creates the logger every part of the service uses (fastify, workers, queue).
 * Times are ISO 8601 strings: epoch milliseconds would look like a card number to the masker.
 * @example createLogger({ level: 'debug' }).info({ turnId }, 'turn done')
 */
export function createLogger(config: LoggerConfig = {}): Logger {
  const options: LoggerOptions = {
    level: config.level ?? 'info',
    base: { service: 'switchboard' },
    timestamp: stdTimeFunctions.isoTime,
    ...(config.sensitiveData === true ? {} : { hooks: { streamWrite: (line: string) => maskPersonalData(line) } }),
  };
  return config.destination ? pino(options, config.destination) : pino(options);
}
