import { decodeUplink } from './decode-uplink';
import type { DeviceType } from './device-types';
import { encodeUplink } from './encode-uplink';
import type { Uplink } from './uplink.schema';
import { validateUplink } from './validate-uplink';

describe('encodeUplink', () => {
  const sut = encodeUplink;

  it.each<[DeviceType, Uplink]>([
    ['call_button', { msgId: 'a1', ts: 1763884800000, kind: 'sos' }],
    ['water_meter', { msgId: '17', kind: 'water', totalLiters: 15234.5, flowLpm: 0 }],
    ['wearable', { msgId: 'x10', kind: 'fall', confidence: 0.92, lat: 22.52, lon: 113.39 }],
    ['wearable', { msgId: 'w1', kind: 'worn', worn: false }],
  ])('writes a %s uplink the platform accepts as sent', (deviceType, uplink) => {
    const decoded = decodeUplink(sut(uplink));

    expect(decoded.ok && validateUplink(decoded, deviceType, 1763884800000)).toMatchObject({ ok: true, uplink });
  });

  it('writes the page example byte for byte', () => {
    expect(sut({ msgId: 'x9', kind: 'vitals', heartRate: 72, spo2: 97 }).toString('utf8')).toBe(
      '{"msgId":"x9","kind":"vitals","heartRate":72,"spo2":97}',
    );
  });

  it('sends out-of-range values as given, so simulators can provoke refusals', () => {
    expect(JSON.parse(sut({ msgId: 'h1', kind: 'heartbeat', battery: 101 }).toString('utf8'))).toEqual({
      msgId: 'h1',
      kind: 'heartbeat',
      battery: 101,
    });
  });
});
