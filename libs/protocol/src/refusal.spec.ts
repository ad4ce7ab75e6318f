import { refusal, REFUSAL_CODES } from './refusal';

describe('refusal', () => {
  const sut = refusal;

  it('carries the code, the detail and the ref', () => {
    expect(sut('unknown-device', 'no device btn-0001', 'a1')).toEqual({
      ok: false,
      code: 'unknown-device',
      detail: 'no device btn-0001',
      ref: 'a1',
    });
  });

  it('leaves ref out when there is none', () => {
    expect('ref' in sut('invalid-topic', 'not a device topic')).toBe(false);
  });

  it('caps and escapes a detail built from untrusted text', () => {
    const result = sut('invalid-topic', `topic ${'\u0000'.repeat(500)}`);

    expect(result.detail).toMatch(/^[\x20-\x7e]{1,200}$/);
  });
});

describe('REFUSAL_CODES', () => {
  it('lists every stored code exactly once', () => {
    expect([...REFUSAL_CODES].sort()).toEqual(
      [
        'device-retired',
        'invalid-envelope',
        'invalid-fields',
        'invalid-status',
        'invalid-topic',
        'kind-not-allowed',
        'not-an-alarm',
        'not-an-object',
        'not-json',
        'not-stored',
        'rate-limited',
        'not-utf8',
        'too-large',
        'unknown-device',
        'unknown-kind',
      ].sort(),
    );
  });
});
