import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

/** Where log lines go: a terminal (a person reading) or anything else (a collector reading JSON). */
export type LogOutput = NodeJS.WritableStream & { isTTY?: boolean };

/**
 * Structured JSON logs; pass ids (deviceId, elderId, alertId, jobId) as fields, never health data at info. A person
 * at a terminal gets the same lines made readable instead.
 */
export function createLogger(level: string, name = 'eldercare', output: LogOutput = process.stdout): Logger {
  const options = { name, level, base: { pid: process.pid } };
  if (output.isTTY)
    return pino(options, pretty({ destination: output, sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid' }));
  return output === process.stdout ? pino(options) : pino(options, output);
}

type Level = 'info' | 'error' | 'warn' | 'debug' | 'trace';

/** Lets Nest write through the same pino logger; a plain object logged is kept as fields, not flattened to text. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string) {
    this.write('info', message, { context });
  }
  error(message: unknown, trace?: string, context?: string) {
    this.write('error', message, { context, trace });
  }
  warn(message: unknown, context?: string) {
    this.write('warn', message, { context });
  }
  debug(message: unknown, context?: string) {
    this.write('debug', message, { context });
  }
  verbose(message: unknown, context?: string) {
    this.write('trace', message, { context });
  }

  private write(level: Level, message: unknown, fields: Record<string, unknown>): void {
    if (message !== null && typeof message === 'object' && Object.getPrototypeOf(message) === Object.prototype)
      this.logger[level]({ ...fields, ...message });
    else this.logger[level](fields, String(message));
  }
}
