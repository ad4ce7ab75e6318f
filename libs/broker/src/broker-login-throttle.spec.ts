import { BROKER_LOGIN_LIMITS, BrokerLoginThrottle } from './broker-login-throttle';

const T0 = Date.UTC(2026, 11, 6, 8, 0, 0);
const limits = { ...BROKER_LOGIN_LIMITS, free: { pair: 2, client: 3, address: 2 } };

/** Tries that fail, one after another at `at`; answers each try's wait. */
function failTries(sut: BrokerLoginThrottle, clientId: string, address: string, count: number, at = T0): number[] {
  return Array.from({ length: count }, () => {
    const wait = sut.takeTry(clientId, address, at);
    if (wait === 0) sut.failed(clientId, address, at);
    return wait;
  });
}

describe('BrokerLoginThrottle', () => {
  it('lets the free tries of a device from an address through, then makes each wait twice as long', () => {
    const sut = new BrokerLoginThrottle(limits);

    expect(failTries(sut, 'btn-1', '10.0.0.1', 3)).toEqual([0, 0, 1_000]);
    expect(sut.takeTry('btn-1', '10.0.0.1', T0 + 999)).toBe(1);
    expect(sut.takeTry('btn-1', '10.0.0.1', T0 + 1_000)).toBe(0);
    expect(sut.takeTry('btn-1', '10.0.0.1', T0 + 2_000)).toBe(1_000);
    expect(sut.takeTry('btn-1', '10.0.0.1', T0 + 3_000)).toBe(0);
  });

  it('counts tries before their secret is checked, so guesses sent at once cannot slip past', () => {
    const sut = new BrokerLoginThrottle(limits);

    expect([1, 2, 3].map(() => sut.takeTry('btn-1', '10.0.0.1', T0))).toEqual([0, 0, 1_000]);
  });

  it('holds an address that fails for many devices, but not the devices known there', () => {
    const sut = new BrokerLoginThrottle(limits);
    expect(sut.takeTry('btn-owner', '10.0.0.1', T0)).toBe(0);
    sut.succeeded('btn-owner', '10.0.0.1', T0);

    failTries(sut, 'btn-a', '10.0.0.1', 1);
    failTries(sut, 'btn-b', '10.0.0.1', 1);
    expect(sut.takeTry('btn-c', '10.0.0.1', T0)).toBe(1_000);
    expect(sut.takeTry('btn-owner', '10.0.0.1', T0)).toBe(0);
    expect(sut.takeTry('btn-c', '10.0.0.2', T0)).toBe(0);
  });

  it('does not hold an address while its devices log in at once', () => {
    const sut = new BrokerLoginThrottle(limits);

    const waits = Array.from({ length: 10 }, (_, i) => sut.takeTry(`btn-${i}`, '10.0.0.1', T0));
    expect(waits.every((wait) => wait === 0)).toBe(true);
  });

  it('holds a device id guessed from many addresses, except from where it logged in before', () => {
    const sut = new BrokerLoginThrottle(limits);
    expect(sut.takeTry('btn-1', '10.0.0.9', T0)).toBe(0);
    sut.succeeded('btn-1', '10.0.0.9', T0);

    for (const address of ['10.0.0.1', '10.0.0.2', '10.0.0.3']) failTries(sut, 'btn-1', address, 1);
    expect(sut.takeTry('btn-1', '10.0.0.4', T0)).toBe(1_000);
    expect(sut.takeTry('btn-1', '10.0.0.9', T0)).toBe(0);
    expect(sut.isKnown('btn-1', '10.0.0.9', T0)).toBe(true);
  });

  it('gives a successful try back', () => {
    const sut = new BrokerLoginThrottle(limits);

    for (let i = 0; i < 5; i++) {
      expect(sut.takeTry('btn-1', '10.0.0.1', T0)).toBe(0);
      sut.succeeded('btn-1', '10.0.0.1', T0);
    }
  });

  it('waits at most maxDelayMs, and forgets a count forgetAfterMs after its last try', () => {
    const sut = new BrokerLoginThrottle({ ...limits, maxDelayMs: 4_000, forgetAfterMs: 60_000 });
    let at = T0;
    for (let i = 0; i < 10; i++) {
      at += sut.takeTry('btn-1', '10.0.0.1', at);
      sut.failed('btn-1', '10.0.0.1', at);
    }
    expect(sut.takeTry('btn-1', '10.0.0.1', at)).toBe(4_000);

    expect(sut.takeTry('btn-1', '10.0.0.1', at + 60_000)).toBe(0);
  });

  it('counts nothing for a try that could not be judged', () => {
    const sut = new BrokerLoginThrottle(limits);

    for (let i = 0; i < 5; i++) {
      expect(sut.takeTry('btn-1', '10.0.0.1', T0)).toBe(0);
      sut.withdrawn('btn-1', '10.0.0.1', T0);
    }
    expect(sut.isKnown('btn-1', '10.0.0.1', T0)).toBe(false);
  });
});
