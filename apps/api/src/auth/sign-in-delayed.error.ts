import { DomainErrorWithDetails } from '@eldercare/domain';

/**
 * A sign-in refused unchecked because it came before its wait was over; `retryAfterSec` says how long is left, in
 * the body's details for the sign-in page as well as in `Retry-After`.
 */
export class SignInDelayedError extends DomainErrorWithDetails<{ retryAfterSec: number }> {
  constructor(readonly retryAfterSec: number) {
    super('too-many-attempts', `too many failed sign-ins: try again in ${retryAfterSec} s`, { retryAfterSec });
    this.name = 'SignInDelayedError';
  }
}
