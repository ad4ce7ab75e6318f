import { decodeStatus } from './decode-status';
import { MAX_UPLINK_BYTES } from './limits';
import type { RefusalCode } from './refusal';

describe('decodeStatus', () => {
  const sut = decodeStatus;

  it.each([
    ['{"online":true}', true],
    ['{"online":false}', false],
    ['{ "online" : false }\n', false],
  ])('reads %s', (payload, online) => {
    expect(sut(Buffer.from(payload))).toEqual({ ok: true, online });
  });

  it.each<[string, Buffer, RefusalCode, string]>([
    [
      'online as a string',
      Buffer.from('{"online":"true"}'),
      'invalid-status',
      'online: expected a boolean, got a string',
    ],
    ['online as a number', Buffer.from('{"online":1}'), 'invalid-status', 'online: expected a boolean, got 1'],
    ['online null', Buffer.from('{"online":null}'), 'invalid-status', 'online: expected a boolean, got null'],
    ['an empty object', Buffer.from('{}'), 'invalid-status', 'online: required (a boolean)'],
    ['an extra field', Buffer.from('{"online":true,"battery":50}'), 'invalid-status', 'unknown field "battery"'],
    [
      'a __proto__ key',
      Buffer.from('{"online":true,"__proto__":{"polluted":"yes"}}'),
      'invalid-status',
      'unknown field "__proto__"',
    ],
    [
      'an uplink sent to the wrong topic',
      Buffer.from('{"msgId":"a1","kind":"sos"}'),
      'invalid-status',
      'online: required (a boolean); unknown fields "msgId", "kind"',
    ],
    [
      'an empty payload (a retained message being cleared)',
      Buffer.alloc(0),
      'not-json',
      'payload is not JSON: Unexpected end of JSON input',
    ],
    [
      'plain text',
      Buffer.from('online'),
      'not-json',
      expect.stringMatching(/^payload is not JSON: /) as unknown as string,
    ],
    ['an array', Buffer.from('[true]'), 'not-an-object', 'payload is an array, not a JSON object'],
    ['a bare boolean', Buffer.from('true'), 'not-an-object', 'payload is true, not a JSON object'],
    ['invalid UTF-8', Buffer.from([0x7b, 0xff, 0x7d]), 'not-utf8', 'payload is not valid UTF-8'],
    [
      'too many bytes',
      Buffer.from(`{"online":true}${' '.repeat(MAX_UPLINK_BYTES)}`),
      'too-large',
      `payload is ${MAX_UPLINK_BYTES + 15} bytes; the limit is ${MAX_UPLINK_BYTES}`,
    ],
  ])('refuses %s', (_description, payload, code, detail) => {
    expect(sut(payload)).toEqual({ ok: false, code, detail });
  });

  it('does not pollute Object.prototype', () => {
    sut(Buffer.from('{"online":true,"__proto__":{"polluted":"yes"}}'));

    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});
