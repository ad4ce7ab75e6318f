import type { DomainErrorCode } from './domain-error-code';
import { DomainError } from './domain-error';

/**
 * A refusal that carries what the client needs to put the request right, e.g. every bad row of an import. The api
 * sends `details` beside the code and message; it must hold nothing the requester may not see.
 */
export class DomainErrorWithDetails<T = unknown> extends DomainError {
  constructor(
    code: DomainErrorCode,
    message: string,
    readonly details: T,
  ) {
    super(code, message);
    this.name = 'DomainErrorWithDetails';
  }
}
