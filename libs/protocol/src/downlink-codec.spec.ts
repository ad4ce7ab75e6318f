import { ackDownlink, configDownlink, rejectedDownlink } from './downlink-builders';
import { decodeDownlink, encodeDownlink } from './downlink-codec';
import type { Downlink } from './downlink.schema';
import { refusal } from './refusal';

describe('encodeDownlink and decodeDownlink', () => {
  it.each<[string, Downlink]>([
    ['an ack', ackDownlink('d1', 'a1', 'help-coming')],
    ['a rejection with ref', rejectedDownlink('d2', refusal('invalid-fields', 'battery: must be <= 100', 'h1'))],
    ['a rejection without ref', rejectedDownlink('d3', refusal('not-utf8', 'payload is not valid UTF-8'))],
    ['a config', configDownlink('d4', { heartbeatSec: 900, reportSec: 300 })],
  ])('carry %s to the device unchanged', (_description, downlink) => {
    expect(decodeDownlink(encodeDownlink(downlink))).toEqual(downlink);
  });

  it('writes the page example byte for byte', () => {
    expect(encodeDownlink(ackDownlink('d1', 'a1', 'help-coming')).toString('utf8')).toBe(
      '{"msgId":"d1","kind":"ack","ref":"a1","state":"help-coming"}',
    );
  });
});

describe('encodeDownlink', () => {
  const sut = encodeDownlink;

  it.each<[string, Downlink]>([
    ['a config without intervals', { msgId: 'd1', kind: 'config' }],
    ['a zero interval', { msgId: 'd1', kind: 'config', heartbeatSec: 0 }],
    ['an empty msgId', { msgId: '', kind: 'ack', ref: 'a1', state: 'received' }],
    ['an empty reason', { msgId: 'd1', kind: 'rejected', reason: '' }],
  ])('refuses to send %s', (_description, downlink) => {
    expect(() => sut(downlink)).toThrow(TypeError);
  });
});

describe('decodeDownlink', () => {
  const sut = decodeDownlink;

  it.each([
    ['an unknown field', '{"msgId":"d1","kind":"ack","ref":"a1","state":"received","extra":1}'],
    ['an unknown state', '{"msgId":"d1","kind":"ack","ref":"a1","state":"done"}'],
    ['an ack without ref', '{"msgId":"d1","kind":"ack","state":"received"}'],
    ['an unknown kind', '{"msgId":"d1","kind":"reboot"}'],
    ['a config without intervals', '{"msgId":"d1","kind":"config"}'],
    ['a fractional interval', '{"msgId":"d1","kind":"config","reportSec":1.5}'],
    ['a negative interval', '{"msgId":"d1","kind":"config","heartbeatSec":-900}'],
    ['a rejection without reason', '{"msgId":"d1","kind":"rejected","ref":"a1"}'],
    ['a missing msgId', '{"kind":"ack","ref":"a1","state":"received"}'],
    ['a __proto__ key', '{"msgId":"d1","kind":"ack","ref":"a1","state":"received","__proto__":{"polluted":"yes"}}'],
    ['an array', '[]'],
    ['not JSON', 'ack'],
  ])('returns undefined for %s', (_description, payload) => {
    expect(sut(Buffer.from(payload))).toBeUndefined();
  });

  it('returns undefined for invalid UTF-8', () => {
    expect(sut(Buffer.from([0x7b, 0xc3, 0x28, 0x7d]))).toBeUndefined();
  });
});
