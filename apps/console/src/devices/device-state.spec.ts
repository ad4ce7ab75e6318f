import { deviceState } from './device-state';

describe('deviceState', () => {
  it.each([
    [{ status: 'active', retiredAt: null, online: true }, 'online'],
    [{ status: 'active', retiredAt: null, online: false }, 'offline'],
    [{ status: 'retired', retiredAt: '2026-11-01T08:00:00+08:00', online: true }, 'retired'],
    [{ status: 'active', retiredAt: '2026-11-01T08:00:00+08:00', online: false }, 'retired'],
  ] as const)('%p is %p', (device, state) => {
    expect(deviceState(device)).toBe(state);
  });
});
