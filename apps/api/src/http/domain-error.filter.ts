import { DomainError, DomainErrorWithDetails, type DomainErrorCode } from '@eldercare/domain';
import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import type { RequestWithViewer } from '../auth/access.decorators';

/** The HTTP status of each domain error code: every code has one, so a new code without a status does not compile. */
const STATUS_OF: Record<DomainErrorCode, HttpStatus> = {
  unauthenticated: HttpStatus.UNAUTHORIZED,
  'invalid-credentials': HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  'too-many-attempts': HttpStatus.TOO_MANY_REQUESTS,
  'origin-not-allowed': HttpStatus.FORBIDDEN,
  'invalid-request': HttpStatus.BAD_REQUEST,
  'body-not-json': HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  'body-too-deep': HttpStatus.BAD_REQUEST,
  'alert-not-found': HttpStatus.NOT_FOUND,
  'alert-already-acknowledged': HttpStatus.CONFLICT,
  'alert-already-cancelled': HttpStatus.CONFLICT,
  'alert-not-acknowledged': HttpStatus.CONFLICT,
  'alert-not-open': HttpStatus.CONFLICT,
  'alert-not-cancellable': HttpStatus.BAD_REQUEST,
  'alert-operator-required': HttpStatus.BAD_REQUEST,
  'alert-outcome-unknown': HttpStatus.BAD_REQUEST,
  'alert-outcome-requires-reason': HttpStatus.BAD_REQUEST,
  'contact-not-found': HttpStatus.NOT_FOUND,
  'elder-not-found': HttpStatus.NOT_FOUND,
  'elder-already-registered': HttpStatus.CONFLICT,
  'region-not-found': HttpStatus.NOT_FOUND,
  'region-not-a-community': HttpStatus.BAD_REQUEST,
  'import-invalid': HttpStatus.UNPROCESSABLE_ENTITY,
  'import-too-large': HttpStatus.PAYLOAD_TOO_LARGE,
  'import-not-csv': HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  'rule-settings-invalid': HttpStatus.BAD_REQUEST,
  'rule-state-device-mismatch': HttpStatus.BAD_REQUEST,
  'absence-not-found': HttpStatus.NOT_FOUND,
  'device-not-found': HttpStatus.NOT_FOUND,
  'device-id-invalid': HttpStatus.BAD_REQUEST,
  'device-already-registered': HttpStatus.CONFLICT,
  'device-already-retired': HttpStatus.CONFLICT,
  'user-not-found': HttpStatus.NOT_FOUND,
  'username-taken': HttpStatus.CONFLICT,
  'user-already-disabled': HttpStatus.CONFLICT,
  'user-is-yourself': HttpStatus.BAD_REQUEST,
  'user-scope-mismatch': HttpStatus.BAD_REQUEST,
  'provider-not-found': HttpStatus.NOT_FOUND,
  'caregiver-not-found': HttpStatus.NOT_FOUND,
  'service-unknown': HttpStatus.BAD_REQUEST,
  'care-plan-invalid': HttpStatus.BAD_REQUEST,
  'care-plan-line-not-found': HttpStatus.NOT_FOUND,
  'care-plan-over-entitlement': HttpStatus.UNPROCESSABLE_ENTITY,
  'work-order-not-found': HttpStatus.NOT_FOUND,
  'work-order-transition-illegal': HttpStatus.CONFLICT,
  'visit-not-done': HttpStatus.BAD_REQUEST,
  'visit-exception-not-open': HttpStatus.CONFLICT,
  'visit-already-rated': HttpStatus.CONFLICT,
  'offer-invalid': HttpStatus.BAD_REQUEST,
  'offer-not-found': HttpStatus.NOT_FOUND,
  'booking-not-found': HttpStatus.NOT_FOUND,
  'booking-time-invalid': HttpStatus.BAD_REQUEST,
  'booking-slot-taken': HttpStatus.CONFLICT,
  'booking-not-cancellable': HttpStatus.CONFLICT,
  'booking-not-confirmable': HttpStatus.CONFLICT,
  'visit-code-mismatch': HttpStatus.FORBIDDEN,
  'canteen-invalid': HttpStatus.BAD_REQUEST,
  'canteen-not-found': HttpStatus.NOT_FOUND,
  'canteen-closed': HttpStatus.CONFLICT,
  'meal-subsidy-invalid': HttpStatus.BAD_REQUEST,
  'meal-already-subsidised': HttpStatus.CONFLICT,
  'meal-order-not-found': HttpStatus.NOT_FOUND,
  'meal-order-closed': HttpStatus.CONFLICT,
  'meal-order-not-cancellable': HttpStatus.CONFLICT,
  'meal-identification-reason-required': HttpStatus.BAD_REQUEST,
  'face-embedding-invalid': HttpStatus.BAD_REQUEST,
  'face-not-enrolled': HttpStatus.NOT_FOUND,
  'face-not-matched': HttpStatus.UNPROCESSABLE_ENTITY,
  'face-not-found': HttpStatus.UNPROCESSABLE_ENTITY,
  'face-image-invalid': HttpStatus.BAD_REQUEST,
  'face-not-live': HttpStatus.UNPROCESSABLE_ENTITY,
  'face-check-invalid': HttpStatus.CONFLICT,
  'volunteer-not-found': HttpStatus.NOT_FOUND,
  'volunteer-already-registered': HttpStatus.CONFLICT,
  'volunteer-not-approvable': HttpStatus.CONFLICT,
  'volunteer-not-approved': HttpStatus.FORBIDDEN,
  'volunteer-request-not-found': HttpStatus.NOT_FOUND,
  'volunteer-request-transition-illegal': HttpStatus.CONFLICT,
  'time-coins-invalid': HttpStatus.UNPROCESSABLE_ENTITY,
  'time-coins-insufficient': HttpStatus.CONFLICT,
  'time-coins-not-spendable': HttpStatus.CONFLICT,
  'time-coins-not-reversible': HttpStatus.CONFLICT,
  'time-coin-movement-not-found': HttpStatus.NOT_FOUND,
  'elder-pair-not-found': HttpStatus.NOT_FOUND,
  'care-bed-not-found': HttpStatus.NOT_FOUND,
  'care-bed-exists': HttpStatus.CONFLICT,
  'care-bed-needs-mat': HttpStatus.CONFLICT,
  'adaptation-case-not-found': HttpStatus.NOT_FOUND,
  'adaptation-case-exists': HttpStatus.CONFLICT,
  'adaptation-not-eligible': HttpStatus.CONFLICT,
  'adaptation-step-illegal': HttpStatus.CONFLICT,
  'adaptation-plan-invalid': HttpStatus.UNPROCESSABLE_ENTITY,
  'adaptation-works-photos-missing': HttpStatus.UNPROCESSABLE_ENTITY,
  'adaptation-refusal-reason-required': HttpStatus.UNPROCESSABLE_ENTITY,
  'adaptation-photo-not-found': HttpStatus.NOT_FOUND,
  'photo-type-not-allowed': HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  'photo-too-large': HttpStatus.PAYLOAD_TOO_LARGE,
  'report-month-in-future': HttpStatus.BAD_REQUEST,
  'archived-report-not-found': HttpStatus.NOT_FOUND,
};

/** What the filter answers besides domain codes: a route nobody serves, and a failure of the api's own. */
type ErrorBodyCode = DomainErrorCode | 'route-not-found' | 'internal-error';

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
    const request = http.getRequest<RequestWithViewer>();
    const { status, code, message } = this.describe(exception);
    const where = { method: request.method, path: request.path, user: request.viewer?.username ?? null };
    // Every refusal is recorded: who, what and why by its code. Not the message, which may quote what was sent.
    if (status < 500) this.logger.log({ refused: code, status, ...where });
    else this.logger.error({ failed: code, status, ...where, error: describeFailure(exception) });
    const details = exception instanceof DomainErrorWithDetails ? { details: exception.details } : {};
    response.status(status).json({ error: { code, message, ...details } });
  }

  private describe(exception: unknown): { status: number; code: ErrorBodyCode; message: string } {
    if (exception instanceof DomainError)
      return { status: STATUS_OF[exception.code], code: exception.code, message: exception.message };
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
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      code: 'internal-error',
      message: 'something went wrong; it has been logged',
    };
  }
}

/** What a failure of the api's own was, with its stack, for the log only. */
function describeFailure(exception: unknown): { message: string; stack?: string } {
  return exception instanceof Error
    ? { message: exception.message, stack: exception.stack }
    : { message: String(exception) };
}
