import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { API_OPTIONS, type ApiOptions } from '../api.options';
import { API_REDIS } from '../api-redis';
import { SignInDelayedError } from './sign-in-delayed.error';

/**
 * How sign-in guessing is slowed. Each count (failures of one account from one address, of one account from
 * anywhere, from one address to any account) lets `free` tries through; after that, each further try must wait
 * 2^k seconds after the count's last one (k = tries past `free`, the wait at most `maxDelaySec`). A count is forgotten
 * `forgetAfterSec` after its last try. An address that has signed in to the account before is held only by its own
 * failures on that account, so nobody elsewhere can keep the owner out.
 */
export const LOGIN_LIMITS = {
  free: { pair: 5, account: 20, address: 30 },
  maxDelaySec: 15 * 60,
  forgetAfterSec: 60 * 60,
  knownAddressForSec: 90 * 24 * 3600,
};

/**
 * KEYS: pair, account, address counts (hashes of `n` tries and the time `at` of the last), known addresses set.
 * ARGV: now (ms), address, free per pair, account, address, max delay (ms), forget after (s).
 * Returns 0 and counts the try when it may go ahead, else the milliseconds left to wait.
 */
const TAKE_TRY = `
local now = tonumber(ARGV[1])
local maxDelay = tonumber(ARGV[6])
local function waitOf(key, free)
  local n = tonumber(redis.call('HGET', key, 'n') or '0')
  if n < free then return 0 end
  local at = tonumber(redis.call('HGET', key, 'at') or '0')
  return math.max(0, at + math.min(2 ^ (n - free) * 1000, maxDelay) - now)
end
local wait = waitOf(KEYS[1], tonumber(ARGV[3]))
if redis.call('SISMEMBER', KEYS[4], ARGV[2]) == 0 then
  wait = math.max(wait, waitOf(KEYS[2], tonumber(ARGV[4])), waitOf(KEYS[3], tonumber(ARGV[5])))
end
if wait > 0 then return math.ceil(wait) end
for i = 1, 3 do
  redis.call('HINCRBY', KEYS[i], 'n', 1)
  redis.call('HSET', KEYS[i], 'at', now)
  redis.call('EXPIRE', KEYS[i], ARGV[7])
end
return 0`;

/** KEYS: pair, account, address counts, known addresses set. ARGV: address, known for (s). */
const GIVE_TRY_BACK = `
redis.call('DEL', KEYS[1])
for i = 2, 3 do
  if redis.call('HINCRBY', KEYS[i], 'n', -1) <= 0 then redis.call('DEL', KEYS[i]) end
end
redis.call('SADD', KEYS[4], ARGV[1])
redis.call('EXPIRE', KEYS[4], ARGV[2])
return 0`;

/**
 * Slows sign-in guessing in Redis, so every api instance shares the counts. A try is counted before its password is
 * checked, so guesses sent all at once cannot slip past the limit; a successful one is taken off again, and its
 * address remembered as the account's. A try that comes before its wait is over is refused without a look at the
 * password. Nothing locks an account: its owner, from an address they have signed in from, waits out only the
 * failures made from that address.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @Inject(API_REDIS) private readonly redis: Redis,
    @Inject(API_OPTIONS) private readonly options: ApiOptions,
  ) {}

  /** Counts the try; refused with the wait left (`SignInDelayedError`) when it comes too soon. */
  async countTry(username: string, address: string, now = Date.now()): Promise<void> {
    const { free, maxDelaySec, forgetAfterSec } = LOGIN_LIMITS;
    const waitMs = Number(
      await this.redis.eval(
        TAKE_TRY,
        4,
        ...this.keys(username, address),
        now,
        address,
        free.pair,
        free.account,
        free.address,
        maxDelaySec * 1000,
        forgetAfterSec,
      ),
    );
    if (waitMs > 0) throw new SignInDelayedError(Math.ceil(waitMs / 1000));
  }

  /** A try that succeeded: it is not a failure, and the address is one the account signs in from. */
  async succeeded(username: string, address: string): Promise<void> {
    await this.redis.eval(GIVE_TRY_BACK, 4, ...this.keys(username, address), address, LOGIN_LIMITS.knownAddressForSec);
  }

  private keys(username: string, address: string): [string, string, string, string] {
    const prefix = `${this.options.queuePrefix}:login`;
    // Encoded, so that no name with a colon in it reads as another name and address (IPv6 addresses have colons).
    const user = encodeURIComponent(username);
    return [
      `${prefix}:failures:pair:${user}:${address}`,
      `${prefix}:failures:user:${user}`,
      `${prefix}:failures:addr:${address}`,
      `${prefix}:known-addresses:${user}`,
    ];
  }
}
