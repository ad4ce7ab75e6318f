import { DomainError, DomainErrorWithDetails } from '@eldercare/domain';
import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import type { RequestWithViewer } from '../auth/access.decorators';

/** The HTTP status of each domain error code; codes not listed are 400 (the request cannot be done as asked). */
const STATUS_OF: Record<string, number> = {
  unauthenticated: HttpStatus.UNAUTHORIZED,
  'invalid-credentials': HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  'too-many-attempts': HttpStatus.TOO_MANY_REQUESTS,
  'alert-already-acknowledged': HttpStatus.CONFLICT,
  'alert-already-cancelled': HttpStatus.CONFLICT,
  'alert-not-acknowledged': HttpStatus.CONFLICT,
  'alert-not-open': HttpStatus.CONFLICT,
  'elder-already-registered': HttpStatus.CONFLICT,
  'import-invalid': HttpStatus.UNPROCESSABLE_ENTITY,
  'import-too-large': HttpStatus.PAYLOAD_TOO_LARGE,
  'import-not-csv': HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  'device-already-registered': HttpStatus.CONFLICT,
  'device-already-retired': HttpStatus.CONFLICT,
  'username-taken': HttpStatus.CONFLICT,
  'user-already-disabled': HttpStatus.CONFLICT,
  'care-plan-over-entitlement': HttpStatus.UNPROCESSABLE_ENTITY,
  'visit-already-rated': HttpStatus.CONFLICT,
  'work-order-transition-illegal': HttpStatus.CONFLICT,
};

function statusOf(code: string): number {
  return STATUS_OF[code] ?? (code.endsWith('-not-found') ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST);
}

/**
 * What body-parser throws for a request it cannot read (too large, wrong charset): the client's fault, so a 4xx
 * with its message rather than a 500 and a stack trace in the log that anyone could fill.
 */
function isClientError(exception: unknown): exception is Error & { status: number } {
  const candidate = exception as { expose?: unknown; status?: unknown };
  return (
    exception instanceof Error &&
    candidate.expose === true &&
    typeof candidate.status === 'number' &&
    candidate.status >= 400 &&
    candidate.status < 500
  );
}

/**
 * Maps errors to `{ error: { code, message } }` (with `details` when the refusal carries them): domain errors by code,
 * unknown failures to 500 without details.
 */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(DomainErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const { status, code, message } = this.describe(exception);
    if (status < 500) {
      // Every refusal is recorded: who, what and why by its code. Not the message, which may quote what was sent.
      const request = http.getRequest<RequestWithViewer>();
      this.logger.log({
        refused: code,
        status,
        method: request.method,
        path: request.path,
        user: request.viewer?.username ?? null,
      });
    }
    const details = exception instanceof DomainErrorWithDetails ? { details: exception.details } : {};
    response.status(status).json({ error: { code, message, ...details } });
  }

  private describe(exception: unknown): { status: number; code: string; message: string } {
    if (exception instanceof DomainError)
      return { status: statusOf(exception.code), code: exception.code, message: exception.message };
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return {
        status,
        code: status === HttpStatus.NOT_FOUND ? 'route-not-found' : 'invalid-request',
        message: exception.message,
      };
    }
    if (isClientError(exception))
      return { status: exception.status, code: 'invalid-request', message: exception.message };
    this.logger.error(exception);
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      code: 'internal-error',
      message: 'something went wrong; it has been logged',
    };
  }
}
