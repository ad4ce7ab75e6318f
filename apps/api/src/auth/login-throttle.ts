import { DomainError } from '@eldercare/domain';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { API_OPTIONS, type ApiOptions } from '../api.options';
import { API_REDIS } from '../api-redis';

const DECREMENT_IF_RUNNING = `if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('DECR', KEYS[1]) end return 0`;

/** Failed sign-ins allowed per account, and per address, within the window before further tries are refused. */
export const LOGIN_LIMITS = { perUsername: 5, perAddress: 30, windowSec: 15 * 60 };

/**
 * Counts sign-in tries in Redis, so every api instance shares the count: an account guessed at from many addresses
 * is locked as surely as one address trying many accounts. A try is counted before its password is checked, so
 * guesses sent all at once cannot slip past the limit; a successful one is taken off again.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @Inject(API_REDIS) private readonly redis: Redis,
    @Inject(API_OPTIONS) private readonly options: ApiOptions,
  ) {}

  /** Counts the try; refused when it goes over either limit. */
  async countTry(username: string, address: string): Promise<void> {
    const [byName, byAddress] = [this.key('user', username), this.key('addr', address)];
    const results = await this.redis
      .multi()
      .incr(byName)
      .expire(byName, LOGIN_LIMITS.windowSec, 'NX')
      .incr(byAddress)
      .expire(byAddress, LOGIN_LIMITS.windowSec, 'NX')
      .exec();
    const [nameCount, addressCount] = [Number(results?.[0]?.[1] ?? 0), Number(results?.[2]?.[1] ?? 0)];
    if (nameCount > LOGIN_LIMITS.perUsername || addressCount > LOGIN_LIMITS.perAddress) {
      throw new DomainError(
        'too-many-attempts',
        `too many failed sign-ins: try again in ${LOGIN_LIMITS.windowSec / 60} minutes`,
      );
    }
  }

  /**
   * A try that succeeded: the account starts afresh and the address is given its try back, if its count still
   * runs (a DECR of an expired key would leave a count below zero, and without an expiry, for good).
   */
  async succeeded(username: string, address: string): Promise<void> {
    await this.redis
      .multi()
      .del(this.key('user', username))
      .eval(DECREMENT_IF_RUNNING, 1, this.key('addr', address))
      .exec();
  }

  private key(kind: 'user' | 'addr', value: string): string {
    return `${this.options.queuePrefix}:login-failures:${kind}:${value}`;
  }
}
