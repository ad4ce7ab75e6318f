import { decodeUplink, type DecodedUplink } from './decode-uplink';
import { DEVICE_TYPES, type DeviceType } from './device-types';
import { MAX_CLOCK_AHEAD_MS } from './limits';
import type { Refusal } from './refusal';
import { ACCEPTED_UPLINKS, REFUSED_BEYOND_JSON_SCHEMA, REFUSED_UPLINKS } from './uplink-cases.fixture';
import { isKindAllowed, KINDS_BY_DEVICE_TYPE, UPLINK_KINDS, type UplinkKind } from './uplink-kinds';
import { validateUplink, type AcceptedUplink } from './validate-uplink';

const RECEIVED_AT = 1_763_884_800_000;

describe('validateUplink', () => {
  const sut = validateUplink;

  /** Both stages, as the gateway runs them once the registry has answered. */
  function receive(deviceType: DeviceType, payload: string, receivedAt = RECEIVED_AT): AcceptedUplink | Refusal {
    const decoded = decodeUplink(Buffer.from(payload, 'utf8'));
    return decoded.ok ? sut(decoded, deviceType, receivedAt) : decoded;
  }

  function decoded(uplink: Omit<DecodedUplink, 'ok'>): DecodedUplink {
    return { ok: true, ...uplink };
  }

  it.each(ACCEPTED_UPLINKS)('accepts %s (%s)', (_description, deviceType, payload) => {
    const result = receive(deviceType, payload);

    expect(result).toMatchObject({ ok: true });
    expect(result.ok && result.uplink).toEqual(JSON.parse(payload));
  });

  it.each([...REFUSED_UPLINKS, ...REFUSED_BEYOND_JSON_SCHEMA])(
    'refuses %s (%s) as %s',
    (_description, deviceType, payload, code) => {
      const result = receive(deviceType, payload);

      expect(result).toMatchObject({ ok: false, code });
      expect(result.ok ? '' : result.detail).toMatch(/^[\x20-\x7e]{10,200}$/);
    },
  );

  it.each(DEVICE_TYPES.flatMap((type) => KINDS_BY_DEVICE_TYPE[type].map((kind) => [type, kind])))(
    'has an accepted example of every kind a %s sends: %s',
    (type, kind) => {
      const examples = ACCEPTED_UPLINKS.filter(
        ([, caseType, payload]) => caseType === type && JSON.parse(payload).kind === kind,
      );

      expect(examples.length).toBeGreaterThan(0);
    },
  );

  const notAllowed = DEVICE_TYPES.flatMap((type) =>
    UPLINK_KINDS.filter((kind) => !isKindAllowed(type, kind)).map((kind): [DeviceType, UplinkKind] => [type, kind]),
  );

  it('has kinds that some type may not send', () => {
    expect(notAllowed.length).toBeGreaterThan(0);
  });

  it.each(notAllowed)('refuses from a %s the kind %s, which only other types send', (type, kind) => {
    expect(sut(decoded({ msgId: 'k1', kind, fields: {} }), type, RECEIVED_AT)).toEqual({
      ok: false,
      code: 'kind-not-allowed',
      detail: `kind "${kind}" is not sent by a ${type}, which sends ${KINDS_BY_DEVICE_TYPE[type].join(', ')}`,
      ref: 'k1',
    });
  });

  it.each<[string, DeviceType, string, string]>([
    [
      'battery above its range',
      'call_button',
      '{"msgId":"a","kind":"heartbeat","battery":101}',
      'battery: must be <= 100',
    ],
    [
      'battery below its range',
      'call_button',
      '{"msgId":"a","kind":"heartbeat","battery":-1}',
      'battery: must be >= 0',
    ],
    ['a missing battery', 'water_meter', '{"msgId":"a","kind":"heartbeat"}', 'battery: required (a number)'],
    [
      'a fractional heart rate',
      'wearable',
      '{"msgId":"a","kind":"vitals","heartRate":72.5}',
      'heartRate: expected an integer, got 72.5',
    ],
    [
      'a heart rate below its range',
      'wearable',
      '{"msgId":"a","kind":"vitals","heartRate":19}',
      'heartRate: must be >= 20',
    ],
    [
      'a string for a number',
      'water_meter',
      '{"msgId":"a","kind":"water","totalLiters":"1"}',
      'totalLiters: expected a number, got a string',
    ],
    [
      'an overflowing number',
      'water_meter',
      '{"msgId":"a","kind":"water","totalLiters":1e400}',
      'totalLiters: expected a number, got a number out of range',
    ],
    [
      'vitals without readings',
      'wearable',
      '{"msgId":"a","kind":"vitals"}',
      'payload: at least one of heartRate, spo2, bodyTempC, steps is required',
    ],
    ['lat without lon', 'wearable', '{"msgId":"a","kind":"sos","lat":1}', 'lon: required when lat is given'],
    ['lon without lat', 'wearable', '{"msgId":"a","kind":"fall","lon":1}', 'lat: required when lon is given'],
    [
      'a position from a call button',
      'call_button',
      '{"msgId":"a","kind":"sos","lat":1,"lon":2}',
      'unknown fields "lat", "lon"',
    ],
    ['a missing worn flag', 'wearable', '{"msgId":"a","kind":"worn"}', 'worn: required (a boolean)'],
    [
      'a rate from an empty bed',
      'bed_mat',
      '{"msgId":"a","kind":"bed","inBed":false,"heartRate":60}',
      'payload: heartRate and breathingRate are only sent while inBed is true',
    ],
    [
      'a nested array for a number',
      'wearable',
      '{"msgId":"a","kind":"location","lat":[[1]],"lon":2}',
      'lat: expected a number, got an array',
    ],
    [
      'several faults',
      'wearable',
      '{"msgId":"a","kind":"vitals","heartRate":1,"spo2":1,"bodyTempC":1,"steps":-1}',
      'heartRate: must be >= 20; spo2: must be >= 50; bodyTempC: must be >= 30; and 1 more',
    ],
  ])('names the field and the rule for %s', (_description, deviceType, payload, detail) => {
    expect(receive(deviceType, payload)).toEqual({ ok: false, code: expect.any(String), detail, ref: 'a' });
  });

  it.each<[string, number | undefined, number, number | undefined]>([
    ['no ts: the receive time', undefined, RECEIVED_AT, undefined],
    ['ts equal to the receive time', RECEIVED_AT, RECEIVED_AT, undefined],
    [
      'ts an hour behind: trusted, as buffered readings are',
      RECEIVED_AT - 3_600_000,
      RECEIVED_AT - 3_600_000,
      undefined,
    ],
    ['ts at 1970: trusted, the page only limits clocks ahead', 0, 0, undefined],
    ['ts 1 ms ahead', RECEIVED_AT + 1, RECEIVED_AT + 1, undefined],
    ['ts exactly 5 minutes ahead', RECEIVED_AT + MAX_CLOCK_AHEAD_MS, RECEIVED_AT + MAX_CLOCK_AHEAD_MS, undefined],
    [
      'ts 5 minutes and 1 ms ahead: the receive time, skew recorded',
      RECEIVED_AT + MAX_CLOCK_AHEAD_MS + 1,
      RECEIVED_AT,
      MAX_CLOCK_AHEAD_MS + 1,
    ],
    ['ts a day ahead: the receive time, skew recorded', RECEIVED_AT + 86_400_000, RECEIVED_AT, 86_400_000],
  ])('files an uplink with %s', (_description, ts, occurredAt, clockSkewMs) => {
    const result = sut(
      decoded({ msgId: 't', kind: 'sos', ...(ts === undefined ? {} : { ts }), fields: {} }),
      'call_button',
      RECEIVED_AT,
    );

    expect(result).toMatchObject({ ok: true, occurredAt });
    expect(result.ok && result.clockSkewMs).toBe(clockSkewMs ?? undefined);
    expect(result.ok && 'clockSkewMs' in result).toBe(clockSkewMs !== undefined);
  });

  it('keeps the device ts in the uplink even when it is not trusted', () => {
    const ts = RECEIVED_AT + 86_400_000;

    const result = sut(decoded({ msgId: 't', kind: 'sos', ts, fields: {} }), 'call_button', RECEIVED_AT);

    expect(result.ok && result.uplink).toEqual({ msgId: 't', kind: 'sos', ts });
  });

  it.each([
    ['__proto__', '{"__proto__":{"polluted":"yes"}}'],
    ['constructor', '{"constructor":{"prototype":{"polluted":"yes"}}}'],
  ])('refuses a %s field handed to it directly, without polluting any prototype', (name, fieldsJson) => {
    const fields = JSON.parse(fieldsJson) as Record<string, unknown>;

    const result = sut(decoded({ msgId: 'p1', kind: 'sos', fields }), 'call_button', RECEIVED_AT);

    expect(result).toEqual({ ok: false, code: 'invalid-fields', detail: `unknown field "${name}"`, ref: 'p1' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('keeps the envelope read at stage 1 even if the fields name it again', () => {
    const result = sut(
      decoded({ msgId: 'real', kind: 'worn', fields: { worn: true, msgId: 'forged', kind: 'sos' } }),
      'wearable',
      RECEIVED_AT,
    );

    expect(result.ok && result.uplink).toEqual({ msgId: 'real', kind: 'worn', worn: true });
  });

  it('refuses an invalid envelope handed to it directly, without a ref', () => {
    const result = sut(decoded({ msgId: '', kind: 'cancel', fields: {} }), 'call_button', RECEIVED_AT);

    expect(result).toEqual({ ok: false, code: 'invalid-envelope', detail: 'msgId: must be 1 to 64 characters' });
  });

  it('refuses a kind that is not a protocol kind handed to it directly', () => {
    const result = sut({ ok: true, msgId: 'q', kind: 'alarm' as 'sos', fields: {} }, 'wearable', RECEIVED_AT);

    expect(result).toEqual({
      ok: false,
      code: 'unknown-kind',
      detail: 'kind "alarm" is not a protocol v1 kind',
      ref: 'q',
    });
  });

  it('throws when the registry hands it a device type protocol v1 does not have', () => {
    expect(() =>
      sut(decoded({ msgId: 'q', kind: 'sos', fields: {} }), 'smoke_detector' as DeviceType, RECEIVED_AT),
    ).toThrow(TypeError);
  });
});
