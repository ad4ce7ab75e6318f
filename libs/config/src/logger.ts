import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';

/** Structured JSON logs; pass ids (deviceId, elderId, alertId, jobId) as fields, never health data at info. */
export function createLogger(level: string, name = 'eldercare'): Logger {
  return pino({ name, level, base: { pid: process.pid } });
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
