import { decodeDownlink, encodeUplink } from './protocol-shim';

const bytes = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));

describe('decodeDownlink', () => {
  it.each([
    { name: 'an ack', payload: { msgId: 'd1', kind: 'ack', ref: 'a1', state: 'help-coming' } },
    {
      name: 'a rejection with its ref',
      payload: { msgId: 'd2', kind: 'rejected', ref: 'a1', reason: 'unknown field foo' },
    },
    { name: 'a rejection of an unreadable uplink', payload: { msgId: 'd3', kind: 'rejected', reason: 'not JSON' } },
    {
      name: 'a config with both intervals',
      payload: { msgId: 'd4', kind: 'config', heartbeatSec: 600, reportSec: 300 },
    },
    { name: 'a config with one interval', payload: { msgId: 'd5', kind: 'config', reportSec: 60 } },
  ])('reads $name', ({ payload }) => {
    expect(decodeDownlink(bytes(payload))).toEqual(payload);
  });

  it.each([
    { name: 'not JSON', payload: '{"msgId":' },
    { name: 'a JSON array', payload: '[]' },
    { name: 'JSON null', payload: 'null' },
    { name: 'no msgId', payload: { kind: 'ack', ref: 'a1', state: 'received' } },
    {
      name: 'a msgId over 64 characters',
      payload: { msgId: 'x'.repeat(65), kind: 'ack', ref: 'a1', state: 'received' },
    },
    { name: 'an unknown kind', payload: { msgId: 'd1', kind: 'reboot' } },
    { name: 'an unknown ack state', payload: { msgId: 'd1', kind: 'ack', ref: 'a1', state: 'done' } },
    { name: 'an ack without ref', payload: { msgId: 'd1', kind: 'ack', state: 'received' } },
    { name: 'an unknown field', payload: { msgId: 'd1', kind: 'ack', ref: 'a1', state: 'received', extra: 1 } },
    { name: 'a rejection without reason', payload: { msgId: 'd1', kind: 'rejected', ref: 'a1' } },
    { name: 'a config without intervals', payload: { msgId: 'd1', kind: 'config' } },
    { name: 'a config with a zero interval', payload: { msgId: 'd1', kind: 'config', heartbeatSec: 0 } },
    { name: 'a config with a fractional interval', payload: { msgId: 'd1', kind: 'config', reportSec: 2.5 } },
  ])('refuses $name', ({ payload }) => {
    expect(decodeDownlink(bytes(payload))).toBeUndefined();
  });
});

describe('encodeUplink', () => {
  it('writes one UTF-8 JSON object with the fields as given', () => {
    const uplink = { msgId: 'x10', kind: 'fall' as const, confidence: 0.92, lat: 22.52, lon: 113.39 };
    expect(JSON.parse(encodeUplink(uplink).toString('utf8'))).toEqual(uplink);
  });
});
