import { DomainError, type NotFoundCode } from '@eldercare/domain';
import { ParseUUIDPipe } from '@nestjs/common';

/**
 * Parses a path id. One that is not a uuid names no record, so it is answered as the record's not-found code, the
 * same as an id outside the caller's scope: a malformed id tells nothing more than a foreign one.
 */
export function idParam(notFoundCode: NotFoundCode): ParseUUIDPipe {
  return new ParseUUIDPipe({ exceptionFactory: () => new DomainError(notFoundCode, 'no record has this id') });
}
