import type { DomainErrorCode } from './domain-error-code';

/** A refusal the domain can name. `code` is stable: the api maps it to a status, clients may switch on it. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
