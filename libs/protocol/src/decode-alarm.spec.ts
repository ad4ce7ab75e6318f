import { decodeAlarm } from './decode-alarm';
import { decodeUplink } from './decode-uplink';

const utf8 = (text: string) => Buffer.from(text, 'utf8');

describe('decodeAlarm', () => {
  const sut = decodeAlarm;

  it.each([
    '{"msgId":"a1","kind":"sos"}',
    '{"msgId":"a2","ts":1763884800000,"kind":"fall","confidence":0.9,"lat":22.5,"lon":113.4}',
    '{"msgId":"a3","kind":"cancel"}',
  ])('reads %s as decodeUplink does', (body) => {
    expect(sut(utf8(body))).toEqual(decodeUplink(utf8(body)));
  });

  it.each(['heartbeat', 'water', 'vitals', 'location', 'worn'])(
    'refuses a %s with not-an-alarm, naming the msgId and the topic to use',
    (kind) => {
      expect(sut(utf8(`{"msgId":"r1","kind":"${kind}"}`))).toEqual({
        ok: false,
        code: 'not-an-alarm',
        detail: `kind "${kind}" is not sent on the alarm topic, which takes sos, fall, cancel; send it on up`,
        ref: 'r1',
      });
    },
  );

  it('refuses what is not an uplink at all as decodeUplink does', () => {
    expect(sut(utf8('{"kind":"sos"}'))).toMatchObject({ ok: false, code: 'invalid-envelope' });
    expect(sut(utf8('{"msgId":"u1","kind":"panic"}'))).toMatchObject({ ok: false, code: 'unknown-kind', ref: 'u1' });
  });
});
