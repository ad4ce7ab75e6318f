import { testEnvironment } from '@eldercare/testing';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import type { ApiOptions } from '../api.options';
import { LOGIN_LIMITS, LoginThrottle } from './login-throttle';

describe('the sign-in throttle', () => {
  const redis = new Redis(testEnvironment.redisUrl);
  const prefix = `throttle-${randomBytes(4).toString('hex')}`;
  const sut = new LoginThrottle(redis, { queuePrefix: prefix } as ApiOptions);
  const addressKey = (address: string) => `${prefix}:login-failures:addr:${address}`;

  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it('gives a successful try back to its address, and only while the address’s count runs', async () => {
    await sut.countTry('wangli', '192.0.2.1');
    await sut.succeeded('wangli', '192.0.2.1');
    expect(await redis.get(addressKey('192.0.2.1'))).toBe('0');
    expect(await redis.ttl(addressKey('192.0.2.1'))).toBeGreaterThan(0);

    // The count expired between the try and its success: nothing is left behind, least of all a count below zero.
    await sut.succeeded('wangli', '192.0.2.2');
    expect(await redis.exists(addressKey('192.0.2.2'))).toBe(0);
  });

  it('refuses the try after the last one allowed for an account', async () => {
    for (let attempt = 0; attempt < LOGIN_LIMITS.perUsername; attempt++)
      await sut.countTry('zhangmin', `198.51.100.${attempt}`);
    await expect(sut.countTry('zhangmin', '198.51.100.99')).rejects.toMatchObject({ code: 'too-many-attempts' });
  });
});
