import { decodeInbound } from './inbound-message';

const arrived = (topic: string, body: string) => decodeInbound(topic, Buffer.from(body), new Date(0));

describe('the lane of an inbound message', () => {
  it.each([
    ['an sos on up', 'eldercare/v1/devices/btn-0001/up', '{"msgId":"1","kind":"sos"}', 'alarms'],
    ['a fall on up', 'eldercare/v1/devices/watch-0001/up', '{"msgId":"2","kind":"fall"}', 'alarms'],
    ['a cancel on up', 'eldercare/v1/devices/btn-0001/up', '{"msgId":"3","kind":"cancel"}', 'alarms'],
    ['a reading', 'eldercare/v1/devices/wm-0001/up', '{"msgId":"4","kind":"water","totalLiters":1}', 'readings'],
    ['a heartbeat', 'eldercare/v1/devices/btn-0001/up', '{"msgId":"5","kind":"heartbeat","battery":9}', 'readings'],
    ['a status', 'eldercare/v1/devices/btn-0001/status', '{"online":false}', 'readings'],
    ['an undecodable uplink', 'eldercare/v1/devices/btn-0001/up', '{"kind":"sos"}', 'readings'],
    ['a message on no device topic', 'elsewhere/btn-0001/up', '{"msgId":"6","kind":"sos"}', 'readings'],
    ['an sos on alarm', 'eldercare/v1/devices/btn-0001/alarm', '{"msgId":"7","kind":"sos"}', 'alarms'],
    ['a reading refused on alarm', 'eldercare/v1/devices/wm-0001/alarm', '{"msgId":"8","kind":"water"}', 'alarms'],
    ['garbage on alarm', 'eldercare/v1/devices/btn-0001/alarm', 'garbage', 'alarms'],
  ])('sends %s to the %s lane', (_description, topic, body, lane) => {
    expect(arrived(topic, body).lane).toBe(lane);
  });
});

describe('an uplink on the alarm topic', () => {
  it('is decoded as on up when it is an alarm', () => {
    expect(arrived('eldercare/v1/devices/btn-0001/alarm', '{"msgId":"1","kind":"cancel"}').decoding).toEqual({
      channel: 'up',
      deviceId: 'btn-0001',
      uplink: { ok: true, msgId: '1', kind: 'cancel', fields: {} },
    });
  });

  it('is refused with not-an-alarm, for the device, when it is anything else', () => {
    expect(
      arrived('eldercare/v1/devices/btn-0001/alarm', '{"msgId":"2","kind":"heartbeat","battery":5}').decoding,
    ).toEqual({
      channel: 'up',
      deviceId: 'btn-0001',
      uplink: expect.objectContaining({ ok: false, code: 'not-an-alarm', ref: '2' }),
    });
  });
});
