import { DeviceRateLimiter, limitDevice } from './device-rate-limiter';
import { decodeInbound } from './inbound-message';

const T0 = Date.UTC(2026, 11, 6, 8, 0, 0);

describe('DeviceRateLimiter', () => {
  it('lets a burst through, then one message per refilled token', () => {
    const sut = new DeviceRateLimiter({ perMinute: 60, burst: 3 });

    expect([1, 2, 3, 4, 5].map(() => sut.take('wm-1', T0))).toEqual([
      'pass',
      'pass',
      'pass',
      'first-refusal',
      'refusal',
    ]);
    expect(sut.take('wm-1', T0 + 999)).toBe('refusal');
    expect(sut.take('wm-1', T0 + 1_000)).toBe('pass');
    expect(sut.take('wm-1', T0 + 1_000)).toBe('first-refusal');
  });

  it('keeps each device to its own bucket', () => {
    const sut = new DeviceRateLimiter({ perMinute: 1, burst: 1 });

    expect(sut.take('wm-1', T0)).toBe('pass');
    expect(sut.take('wm-1', T0)).toBe('first-refusal');
    expect(sut.take('wm-2', T0)).toBe('pass');
  });

  it('keeps no more than the burst however long a device was quiet', () => {
    const sut = new DeviceRateLimiter({ perMinute: 60, burst: 2 });
    sut.take('wm-1', T0);

    const later = T0 + 24 * 3_600_000;
    expect([1, 2, 3].map(() => sut.take('wm-1', later))).toEqual(['pass', 'pass', 'first-refusal']);
  });

  it('limits nothing at 0 a minute', () => {
    const sut = new DeviceRateLimiter({ perMinute: 0, burst: 1 });

    expect([1, 2, 3].map(() => sut.take('wm-1', T0))).toEqual(['pass', 'pass', 'pass']);
  });
});

describe('limitDevice', () => {
  const topic = (channel: string) => `eldercare/v1/devices/btn-1/${channel}`;
  const inbound = (channel: string, body: string) => decodeInbound(topic(channel), Buffer.from(body), new Date(T0));
  const exhausted = () => {
    const limiter = new DeviceRateLimiter({ perMinute: 1, burst: 1 });
    limiter.take('btn-1', T0);
    return limiter;
  };

  it('refuses an uplink over the limit as rate-limited, keeping its msgId as ref', () => {
    const sut = limitDevice(inbound('up', '{"msgId":"h1","kind":"heartbeat","battery":50}'), exhausted());

    expect(sut.decoding).toEqual({
      channel: 'up',
      deviceId: 'btn-1',
      uplink: expect.objectContaining({ ok: false, code: 'rate-limited', ref: 'h1' }),
    });
    expect(sut.unanswered).toBe(false);
  });

  it('answers only the first refusal of a run', () => {
    const limiter = exhausted();
    const heartbeat = (msgId: string) => inbound('up', `{"msgId":"${msgId}","kind":"heartbeat","battery":50}`);

    expect([heartbeat('h1'), heartbeat('h2')].map((message) => limitDevice(message, limiter).unanswered)).toEqual([
      false,
      true,
    ]);
  });

  it('counts refused garbage against the limit too', () => {
    const limiter = new DeviceRateLimiter({ perMinute: 1, burst: 1 });
    limitDevice(inbound('alarm', 'garbage'), limiter);

    const sut = limitDevice(inbound('up', '{"msgId":"h2","kind":"heartbeat","battery":50}'), limiter);
    expect(sut.decoding).toMatchObject({ uplink: { code: 'rate-limited' } });
  });

  it.each([
    ['an sos on alarm', 'alarm', '{"msgId":"s1","kind":"sos"}'],
    ['an sos on up', 'up', '{"msgId":"s2","kind":"sos"}'],
    ['a cancel', 'alarm', '{"msgId":"c1","kind":"cancel"}'],
    ['a fall', 'alarm', '{"msgId":"f1","kind":"fall"}'],
    ['a last will', 'status', '{"online":false}'],
  ])('never limits %s', (_name, channel, body) => {
    const message = inbound(channel, body);

    expect(limitDevice(message, exhausted())).toBe(message);
  });
});
