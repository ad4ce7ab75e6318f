import { testEnvironment } from '@eldercare/testing';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import type { ApiOptions } from '../api.options';
import { LOGIN_LIMITS, LoginThrottle } from './login-throttle';

describe('the sign-in throttle', () => {
  const redis = new Redis(testEnvironment.redisUrl);
  const prefix = `throttle-${randomBytes(4).toString('hex')}`;
  const sut = new LoginThrottle(redis, { queuePrefix: prefix } as ApiOptions);
  const t0 = Date.parse('2026-03-01T08:00:00Z');
  const { free } = LOGIN_LIMITS;

  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  /** The wait the throttle asks of a try at `now`, in seconds; 0 when it lets the try through (and counts it). */
  const waitOf = (username: string, address: string, now: number): Promise<number> =>
    sut.countTry(username, address, now).then(
      () => 0,
      (error: { code?: string; retryAfterSec?: number }) => {
        expect(error.code).toBe('too-many-attempts');
        return error.retryAfterSec ?? Number.NaN;
      },
    );

  /** `count` tries let through, from `address(index)`. */
  async function failures(count: number, username: string, address: (index: number) => string, now: number) {
    for (let index = 0; index < count; index++) expect(await waitOf(username, address(index), now)).toBe(0);
  }

  it(`lets ${free.pair} tries through, then doubles the wait after each further one`, async () => {
    await failures(free.pair, 'zhangmin', () => '198.51.100.1', t0);

    expect(await waitOf('zhangmin', '198.51.100.1', t0)).toBe(1);
    expect(await waitOf('zhangmin', '198.51.100.1', t0 + 999)).toBe(1);
    expect(await waitOf('zhangmin', '198.51.100.1', t0 + 1000)).toBe(0);
    expect(await waitOf('zhangmin', '198.51.100.1', t0 + 1000)).toBe(2);
    expect(await waitOf('zhangmin', '198.51.100.1', t0 + 3000)).toBe(0);
    expect(await waitOf('zhangmin', '198.51.100.1', t0 + 3000)).toBe(4);
    // A refused try is not counted: the wait does not grow while the guesser knocks.
    expect(await waitOf('zhangmin', '198.51.100.1', t0 + 6999)).toBe(1);
    expect(await waitOf('zhangmin', '198.51.100.1', t0 + 7000)).toBe(0);
  });

  it('caps the wait', async () => {
    let now = t0;
    await failures(free.pair, 'capped', () => '198.51.100.2', now);
    for (let wait = 1; wait < LOGIN_LIMITS.maxDelaySec; wait *= 2) {
      now += wait * 1000;
      expect(await waitOf('capped', '198.51.100.2', now)).toBe(0);
    }
    expect(await waitOf('capped', '198.51.100.2', now)).toBe(LOGIN_LIMITS.maxDelaySec);
  });

  it('holds one address to its own failures: another address and another account are not slowed', async () => {
    await failures(free.pair, 'lihua', () => '198.51.100.3', t0);

    expect(await waitOf('lihua', '198.51.100.3', t0)).toBeGreaterThan(0);
    expect(await waitOf('lihua', '198.51.100.4', t0)).toBe(0);
    expect(await waitOf('someone-else', '198.51.100.3', t0)).toBe(0);
  });

  it('forgets the failures of an address that signs in, and remembers it as the account’s', async () => {
    await failures(free.pair - 1, 'wangli', () => '198.51.100.5', t0);
    await sut.countTry('wangli', '198.51.100.5', t0);
    await sut.succeeded('wangli', '198.51.100.5');

    await failures(free.pair, 'wangli', () => '198.51.100.5', t0);
    expect(await redis.sismember(`${prefix}:login:known-addresses:wangli`, '198.51.100.5')).toBe(1);
  });

  it(`slows guessing at one account from many addresses after ${free.account} tries, but not its owner’s address`, async () => {
    await sut.countTry('liuyang', '192.0.2.200', t0);
    await sut.succeeded('liuyang', '192.0.2.200');
    await failures(free.account, 'liuyang', (index) => `192.0.2.${index}`, t0);

    expect(await waitOf('liuyang', '192.0.2.99', t0)).toBe(1);
    expect(await waitOf('liuyang', '192.0.2.200', t0)).toBe(0);
  });

  it(`slows one address trying many accounts after ${free.address} tries, but not on an account it signs in to`, async () => {
    await sut.countTry('zhaolei', '203.0.113.9', t0);
    await sut.succeeded('zhaolei', '203.0.113.9');
    for (let index = 0; index < free.address; index++)
      expect(await waitOf(`sprayed-${index}`, '203.0.113.9', t0)).toBe(0);

    expect(await waitOf('sprayed-next', '203.0.113.9', t0)).toBe(1);
    expect(await waitOf('zhaolei', '203.0.113.9', t0)).toBe(0);
  });
});
