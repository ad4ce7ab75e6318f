import { decodeUplink } from './decode-uplink';
import { MAX_UPLINK_BYTES } from './limits';
import type { RefusalCode } from './refusal';

const PRINTABLE_SHORT = /^[\x20-\x7e]{1,200}$/;

function utf8(text: string): Buffer {
  return Buffer.from(text, 'utf8');
}

/** A valid uplink padded with JSON whitespace to exactly `bytes` bytes. */
function paddedTo(bytes: number): Buffer {
  const json = '{"msgId":"big","kind":"heartbeat","battery":50}';
  return utf8(`${json}${' '.repeat(bytes - json.length)}`);
}

describe('decodeUplink', () => {
  const sut = decodeUplink;

  it('reads the envelope and hands the other fields on, unjudged by device type', () => {
    expect(sut(utf8('{"msgId":"x9","ts":1763884800000,"kind":"vitals","heartRate":500,"spo2":97}'))).toEqual({
      ok: true,
      msgId: 'x9',
      kind: 'vitals',
      ts: 1763884800000,
      fields: { heartRate: 500, spo2: 97 },
    });
  });

  it('leaves ts out when the device sent none', () => {
    const result = sut(utf8('{"msgId":"a1","kind":"sos"}'));

    expect(result).toEqual({ ok: true, msgId: 'a1', kind: 'sos', fields: {} });
    expect('ts' in result).toBe(false);
  });

  it(`accepts a payload of exactly ${MAX_UPLINK_BYTES} bytes`, () => {
    const payload = paddedTo(MAX_UPLINK_BYTES);

    expect(payload.byteLength).toBe(MAX_UPLINK_BYTES);
    expect(sut(payload)).toMatchObject({ ok: true, msgId: 'big' });
  });

  it.each<[string, Buffer, RefusalCode]>([
    [`the same payload one byte longer (${MAX_UPLINK_BYTES + 1} bytes)`, paddedTo(MAX_UPLINK_BYTES + 1), 'too-large'],
    ['a megabyte of anything', Buffer.alloc(1 << 20, 0x7b), 'too-large'],
    ['a lone 0xff byte', Buffer.from([0xff]), 'not-utf8'],
    [
      'an invalid byte inside otherwise valid JSON',
      Buffer.concat([utf8('{"msgId":"a'), Buffer.from([0xfe]), utf8('","kind":"sos"}')]),
      'not-utf8',
    ],
    [
      'an overlong encoding of "/"',
      Buffer.concat([utf8('{"msgId":"'), Buffer.from([0xc0, 0xaf]), utf8('","kind":"sos"}')]),
      'not-utf8',
    ],
    [
      'a multi-byte sequence cut short',
      Buffer.concat([utf8('{"msgId":"a","kind":"sos"}'), Buffer.from([0xe2, 0x82])]),
      'not-utf8',
    ],
    [
      'a UTF-8 encoded surrogate',
      Buffer.concat([utf8('{"msgId":"'), Buffer.from([0xed, 0xa0, 0x80]), utf8('","kind":"sos"}')]),
      'not-utf8',
    ],
    ['Latin-1 text', Buffer.from('{"msgId":"caf\u00e9","kind":"sos"}', 'latin1'), 'not-utf8'],
    ['an empty payload', Buffer.alloc(0), 'not-json'],
    ['plain text', utf8('SOS'), 'not-json'],
    ['JSON cut short', utf8('{"msgId":"a1","kind":"sos"'), 'not-json'],
    ['single quotes', utf8("{'msgId':'a1','kind':'sos'}"), 'not-json'],
    ['a trailing comma', utf8('{"msgId":"a1","kind":"sos",}'), 'not-json'],
    ['two objects', utf8('{"msgId":"a1","kind":"sos"}{"msgId":"a2","kind":"sos"}'), 'not-json'],
    ['NaN', utf8('{"msgId":"a1","kind":"vitals","heartRate":NaN}'), 'not-json'],
    ['Infinity', utf8('{"msgId":"a1","kind":"vitals","heartRate":Infinity}'), 'not-json'],
    ['a byte-order mark', utf8('\ufeff{"msgId":"a1","kind":"sos"}'), 'not-json'],
    ['an array', utf8('[{"msgId":"a1","kind":"sos"}]'), 'not-an-object'],
    ['null', utf8('null'), 'not-an-object'],
    ['a number', utf8('42'), 'not-an-object'],
    ['a string', utf8('"sos"'), 'not-an-object'],
    ['a boolean', utf8('true'), 'not-an-object'],
    ['2000 nested arrays', utf8(`${'['.repeat(2000)}${']'.repeat(2000)}`), 'not-an-object'],
    ['a missing msgId', utf8('{"kind":"sos"}'), 'invalid-envelope'],
    ['an empty msgId', utf8('{"msgId":"","kind":"sos"}'), 'invalid-envelope'],
    ['a msgId of 65 characters', utf8(`{"msgId":"${'m'.repeat(65)}","kind":"sos"}`), 'invalid-envelope'],
    ['ts as a string', utf8('{"msgId":"a1","ts":"1763884800000","kind":"sos"}'), 'invalid-envelope'],
    ['ts as a float', utf8('{"msgId":"a1","ts":1.5,"kind":"sos"}'), 'invalid-envelope'],
    ['ts negative', utf8('{"msgId":"a1","ts":-1,"kind":"sos"}'), 'invalid-envelope'],
    ['ts 1e400', utf8('{"msgId":"a1","ts":1e400,"kind":"sos"}'), 'invalid-envelope'],
    ['a missing kind', utf8('{"msgId":"a1"}'), 'invalid-envelope'],
    ['a kind no device sends', utf8('{"msgId":"a1","kind":"panic"}'), 'unknown-kind'],
    ['a field no device sends', utf8('{"msgId":"a1","kind":"sos","note":"help"}'), 'invalid-fields'],
    ['a __proto__ key', utf8('{"msgId":"a1","kind":"sos","__proto__":{"polluted":"yes"}}'), 'invalid-fields'],
    [
      'a constructor key',
      utf8('{"msgId":"a1","kind":"sos","constructor":{"prototype":{"polluted":"yes"}}}'),
      'invalid-fields',
    ],
    [
      'objects nested 600 deep',
      utf8(`{"msgId":"a1","kind":"sos",${'"a":{'.repeat(600)}${'}'.repeat(600)}}`),
      'invalid-fields',
    ],
  ])('refuses %s', (_description, payload, code) => {
    const result = sut(payload);

    expect(result).toMatchObject({ ok: false, code });
    expect(result.ok ? '' : result.detail).toMatch(PRINTABLE_SHORT);
  });

  it.each<[string, string, string]>([
    ['too large', 'x'.repeat(5000), `payload is 5000 bytes; the limit is ${MAX_UPLINK_BYTES}`],
    ['a byte-order mark', '\ufeff{}', 'payload starts with a byte-order mark; send JSON without one'],
    ['an array', '[]', 'payload is an array, not a JSON object'],
    ['null', 'null', 'payload is null, not a JSON object'],
    ['a number', '42', 'payload is 42, not a JSON object'],
    ['a missing msgId', '{"kind":"sos"}', 'msgId: required (a string)'],
    ['a msgId of the wrong type', '{"msgId":17,"kind":"sos"}', 'msgId: expected a string, got 17'],
    ['a long msgId', `{"msgId":"${'m'.repeat(65)}","kind":"sos"}`, 'msgId: must be 1 to 64 characters'],
    ['a msgId with a NUL', '{"msgId":"a\\u0000","kind":"sos"}', 'msgId: must not contain control characters'],
    ['a msgId with a lone surrogate', '{"msgId":"a\\ud800","kind":"sos"}', 'msgId: must be well-formed Unicode'],
    ['a float ts', '{"msgId":"a1","ts":1.5,"kind":"sos"}', 'ts: expected an integer, got 1.5'],
    ['a negative ts', '{"msgId":"a1","ts":-1,"kind":"sos"}', 'ts: must be >= 0'],
    ['a string ts', '{"msgId":"a1","ts":"1","kind":"sos"}', 'ts: expected a number, got a string'],
    ['an unknown kind', '{"msgId":"a1","kind":"panic"}', 'kind "panic" is not a protocol v1 kind'],
    ['an unknown field', '{"msgId":"a1","kind":"sos","note":"help"}', 'unknown field "note"'],
  ])('says why it refuses %s', (_description, payload, detail) => {
    expect(sut(utf8(payload))).toMatchObject({ ok: false, detail });
  });

  it.each<[string, string, string | undefined]>([
    ['a bad ts', '{"msgId":"a1","ts":-1,"kind":"sos"}', 'a1'],
    ['a missing kind', '{"msgId":"a1"}', 'a1'],
    ['an unknown kind', '{"msgId":"a1","kind":"panic"}', 'a1'],
    ['an unknown field', '{"msgId":"a1","kind":"sos","x":1}', 'a1'],
    ['a __proto__ key', '{"msgId":"a1","kind":"sos","__proto__":{}}', 'a1'],
    ['a missing msgId', '{"kind":"sos"}', undefined],
    ['a msgId of 65 characters', `{"msgId":"${'m'.repeat(65)}","kind":"sos"}`, undefined],
    ['a msgId of the wrong type', '{"msgId":17,"kind":"sos"}', undefined],
    ['a msgId with a control character', '{"msgId":"a\\u0007","kind":"sos"}', undefined],
    ['an array', '["a1"]', undefined],
  ])('refers to the msgId when a valid one could be read, for %s', (_description, payload, ref) => {
    const result = sut(utf8(payload));

    expect(result.ok).toBe(false);
    expect(!result.ok && result.ref).toBe(ref ?? undefined);
    expect('ref' in result).toBe(ref !== undefined);
  });

  it.each([
    ['__proto__', '{"msgId":"a1","kind":"sos","__proto__":{"polluted":"yes","toString":1}}'],
    ['constructor', '{"msgId":"a1","kind":"sos","constructor":{"prototype":{"polluted":"yes"}}}'],
    ['nested __proto__', '{"msgId":"a1","kind":"sos","lat":{"__proto__":{"polluted":"yes"}},"lon":1}'],
  ])('does not pollute Object.prototype with a %s key', (_name, payload) => {
    sut(utf8(payload));

    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(typeof {}.toString).toBe('function');
  });

  it('passes a nested value to stage 2 as its own data, not as a prototype', () => {
    const result = sut(utf8('{"msgId":"a1","kind":"sos","lat":{"__proto__":{"polluted":"yes"}},"lon":1}'));

    expect(result.ok && Object.getPrototypeOf(result.fields)).toBe(Object.prototype);
    expect(result.ok && Object.keys(result.fields)).toEqual(['lat', 'lon']);
  });

  it.each<[string, string]>([
    ['a 4000-character kind', `{"msgId":"a1","kind":"${'K'.repeat(4000)}"}`],
    ['a 4000-character msgId', `{"msgId":"${'M'.repeat(4000)}","kind":"sos"}`],
    ['a 4000-character field name', `{"msgId":"a1","kind":"sos","${'F'.repeat(4000)}":1}`],
    [
      '300 unknown fields',
      `{"msgId":"a1","kind":"sos",${Array.from({ length: 300 }, (_, i) => `"f${i}":1`).join(',')}}`,
    ],
    ['control characters and a NUL in a kind', '{"msgId":"a1","kind":"\\u0000\\u001b[31mred\\r\\n"}'],
    ['a bidi override and a lone surrogate in a field name', '{"msgId":"a1","kind":"sos","\\u202e\\ud800evil":1}'],
    ['quotes and backslashes in a field name', '{"msgId":"a1","kind":"sos","a\\"b\\\\c":1}'],
    ['raw control bytes in broken JSON', '{"msgId":"\u0000\u0001\u001b[2J'],
    ['emoji in a kind', `{"msgId":"a1","kind":"${'\u{1F4A3}'.repeat(500)}"}`],
  ])('keeps the detail short and printable for %s', (_description, payload) => {
    expect(utf8(payload).byteLength).toBeLessThanOrEqual(MAX_UPLINK_BYTES);

    const result = sut(utf8(payload));

    expect(result.ok).toBe(false);
    const detail = result.ok ? '' : result.detail;
    expect(detail).toMatch(PRINTABLE_SHORT);
    expect(detail).not.toMatch(/(.)\1{40}/);
  });
});
