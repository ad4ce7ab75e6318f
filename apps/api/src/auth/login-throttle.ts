import { DomainError } from '@eldercare/domain';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { API_OPTIONS, type ApiOptions } from '../api.options';
import { API_REDIS } from '../api-redis';

/** Failed sign-ins allowed per account, and per address, within the window before further tries are refused. */
export const LOGIN_LIMITS = { perUsername: 5, perAddress: 30, windowSec: 15 * 60 };

/**
 * Counts failed sign-ins in Redis, so every api instance shares the count: an account guessed at from many
 * addresses is locked as surely as one address trying many accounts.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @Inject(API_REDIS) private readonly redis: Redis,
    @Inject(API_OPTIONS) private readonly options: ApiOptions,
  ) {}

  async assertAllowed(username: string, address: string): Promise<void> {
    const [byName, byAddress] = await this.redis.mget(this.key('user', username), this.key('addr', address));
    if (Number(byName ?? 0) >= LOGIN_LIMITS.perUsername || Number(byAddress ?? 0) >= LOGIN_LIMITS.perAddress) {
      throw new DomainError('too-many-attempts', `too many failed sign-ins: try again in ${LOGIN_LIMITS.windowSec / 60} minutes`);
    }
  }

  async recordFailure(username: string, address: string): Promise<void> {
    const pipeline = this.redis.multi();
    for (const key of [this.key('user', username), this.key('addr', address)]) {
      pipeline.incr(key).expire(key, LOGIN_LIMITS.windowSec, 'NX');
    }
    await pipeline.exec();
  }

  async reset(username: string): Promise<void> {
    await this.redis.del(this.key('user', username));
  }

  private key(kind: 'user' | 'addr', value: string): string {
    return `${this.options.queuePrefix}:login-failures:${kind}:${value}`;
  }
}
