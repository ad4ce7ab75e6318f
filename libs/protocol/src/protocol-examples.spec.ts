import { decodeUplink } from './decode-uplink';
import type { DeviceType } from './device-types';
import { decodeDownlink } from './downlink-codec';
import { parseDeviceTopic } from './topics';
import { validateUplink } from './validate-uplink';

// The Examples section of DEVICE-PROTOCOL.md, line for line.
const PAGE_EXAMPLES = `
eldercare/v1/devices/btn-0001/up      {"msgId":"a1","ts":1763884800000,"kind":"sos"}
eldercare/v1/devices/wm-0001/up       {"msgId":"17","kind":"water","totalLiters":15234.5,"flowLpm":0}
eldercare/v1/devices/watch-0001/up    {"msgId":"x9","kind":"vitals","heartRate":72,"spo2":97}
eldercare/v1/devices/watch-0001/up    {"msgId":"x10","kind":"fall","confidence":0.92,"lat":22.52,"lon":113.39}
eldercare/v1/devices/btn-0001/down    {"msgId":"d1","kind":"ack","ref":"a1","state":"help-coming"}
`
  .trim()
  .split('\n')
  .map((line) => line.split(/\s+/, 2) as [string, string]);

const TYPE_OF: Record<string, DeviceType> = {
  'btn-0001': 'call_button',
  'wm-0001': 'water_meter',
  'watch-0001': 'wearable',
};
const RECEIVED_AT = 1763884800000;

describe('the examples on the protocol page', () => {
  it('are all read from the page text', () => {
    expect(PAGE_EXAMPLES).toHaveLength(5);
  });

  it.each(PAGE_EXAMPLES.filter(([topic]) => topic.endsWith('/up')))('accepts %s %s', (topic, payload) => {
    const parsed = parseDeviceTopic(topic);
    const decoded = decodeUplink(Buffer.from(payload));

    expect(parsed?.channel).toBe('up');
    expect(decoded.ok && validateUplink(decoded, TYPE_OF[parsed?.deviceId ?? ''], RECEIVED_AT)).toEqual({
      ok: true,
      uplink: JSON.parse(payload),
      occurredAt: JSON.parse(payload).ts ?? RECEIVED_AT,
    });
  });

  it.each(PAGE_EXAMPLES.filter(([topic]) => topic.endsWith('/down')))('reads the downlink %s %s', (topic, payload) => {
    expect(parseDeviceTopic(topic)?.channel).toBe('down');
    expect(decodeDownlink(Buffer.from(payload))).toEqual(JSON.parse(payload));
  });
});
