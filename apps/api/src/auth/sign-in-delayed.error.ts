import { DomainError } from '@eldercare/domain';

/** A sign-in refused unchecked because it came before its wait was over; `retryAfterSec` says how long is left. */
export class SignInDelayedError extends DomainError {
  constructor(readonly retryAfterSec: number) {
    super('too-many-attempts', `too many failed sign-ins: try again in ${retryAfterSec} s`);
    this.name = 'SignInDelayedError';
  }
}
