/**
 * How broker login guessing is slowed, the same way sign-ins to the console are: each count lets `free` tries
 * through, after which each further try must wait 2^k seconds after the count's last one (k = tries past `free`, at
 * most `maxDelayMs`), and a count is forgotten `forgetAfterMs` after its last try. A device that has logged in from
 * an address before is held there only by its own failures from that address, so nobody elsewhere keeps it out.
 */
export const BROKER_LOGIN_LIMITS = {
  /** Tries of one device id from one address, of one device id from anywhere, failures from one address. */
  free: { pair: 5, client: 20, address: 30 },
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
  knownForMs: 90 * 24 * 3_600_000,
  /** Known (device, address) pairs kept at most; the oldest go first. */
  maxKnown: 200_000,
};

export type BrokerLoginLimits = typeof BROKER_LOGIN_LIMITS;

interface Count {
  n: number;
  at: number;
}

const SWEEP_EVERY_MS = 60_000;

/**
 * Counts broker login tries in memory (the embedded broker is one process). Tries of a device id are counted before
 * its secret is checked, so guesses sent all at once cannot slip past the limit, and a successful one is taken off
 * again; an address is counted by its failures only, so a building full of devices reconnecting at once is not held.
 */
export class BrokerLoginThrottle {
  private readonly counts = new Map<string, Count>();
  private readonly known = new Map<string, number>();
  private sweptAt = 0;

  constructor(private readonly limits: BrokerLoginLimits = BROKER_LOGIN_LIMITS) {}

  /** 0 when the try may go ahead, and then it is counted; otherwise the milliseconds it must wait. */
  takeTry(clientId: string, address: string, now: number): number {
    this.sweep(now);
    const { free } = this.limits;
    const keys = keysOf(clientId, address);
    let wait = this.waitOf(keys.pair, free.pair, now);
    if (!this.isKnown(clientId, address, now))
      wait = Math.max(wait, this.waitOf(keys.client, free.client, now), this.waitOf(keys.address, free.address, now));
    if (wait > 0) return Math.ceil(wait);
    this.add(keys.pair, 1, now);
    this.add(keys.client, 1, now);
    return 0;
  }

  /** The secret was wrong (or the device unknown or retired): the try stays counted, and its address counts it. */
  failed(clientId: string, address: string, now: number): void {
    this.add(keysOf(clientId, address).address, 1, now);
  }

  /** The try could not be judged (the registry did not answer): it is taken back and counts for nothing. */
  withdrawn(clientId: string, address: string, now: number): void {
    const keys = keysOf(clientId, address);
    this.add(keys.pair, -1, now);
    this.add(keys.client, -1, now);
  }

  /** The try is taken back, and the address becomes one the device is known at. */
  succeeded(clientId: string, address: string, now: number): void {
    const keys = keysOf(clientId, address);
    this.counts.delete(keys.pair);
    this.add(keys.client, -1, now);
    this.known.delete(keys.pair);
    this.known.set(keys.pair, now + this.limits.knownForMs);
    if (this.known.size > this.limits.maxKnown) this.known.delete(this.known.keys().next().value as string);
  }

  /** True when the device logged in from this address within `knownForMs`: such logins are checked first. */
  isKnown(clientId: string, address: string, now: number): boolean {
    return (this.known.get(keysOf(clientId, address).pair) ?? 0) > now;
  }

  private waitOf(key: string, free: number, now: number): number {
    const count = this.counts.get(key);
    if (!count || count.n < free) return 0;
    return Math.max(0, count.at + Math.min(2 ** (count.n - free) * 1000, this.limits.maxDelayMs) - now);
  }

  private add(key: string, by: number, now: number): void {
    const n = (this.counts.get(key)?.n ?? 0) + by;
    if (n <= 0) this.counts.delete(key);
    else this.counts.set(key, { n, at: by > 0 ? now : (this.counts.get(key)?.at ?? now) });
  }

  private sweep(now: number): void {
    if (now - this.sweptAt < SWEEP_EVERY_MS) return;
    this.sweptAt = now;
    for (const [key, count] of this.counts) if (count.at + this.limits.forgetAfterMs <= now) this.counts.delete(key);
    for (const [key, until] of this.known) if (until <= now) this.known.delete(key);
  }
}

function keysOf(clientId: string, address: string) {
  return {
    pair: `pair\u0000${clientId}\u0000${address}`,
    client: `client\u0000${clientId}`,
    address: `address\u0000${address}`,
  };
}
