import { decodeInbound, laneOf } from './inbound-message';

const arrived = (topic: string, body: string) => decodeInbound(topic, Buffer.from(body), new Date(0));

describe('laneOf', () => {
  it.each([
    ['an sos on up', 'eldercare/v1/devices/btn-0001/up', '{"msgId":"1","kind":"sos"}', 'alarms'],
    ['a fall on up', 'eldercare/v1/devices/watch-0001/up', '{"msgId":"2","kind":"fall"}', 'alarms'],
    ['a cancel on up', 'eldercare/v1/devices/btn-0001/up', '{"msgId":"3","kind":"cancel"}', 'alarms'],
    ['a reading', 'eldercare/v1/devices/wm-0001/up', '{"msgId":"4","kind":"water","totalLiters":1}', 'readings'],
    ['a heartbeat', 'eldercare/v1/devices/btn-0001/up', '{"msgId":"5","kind":"heartbeat","battery":9}', 'readings'],
    ['a status', 'eldercare/v1/devices/btn-0001/status', '{"online":false}', 'readings'],
    ['an undecodable uplink', 'eldercare/v1/devices/btn-0001/up', '{"kind":"sos"}', 'readings'],
    ['a message on no device topic', 'elsewhere/btn-0001/up', '{"msgId":"6","kind":"sos"}', 'readings'],
  ])('sends %s to the %s lane', (_description, topic, body, lane) => {
    expect(laneOf(arrived(topic, body))).toBe(lane);
  });
});
