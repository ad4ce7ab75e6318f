import {
  isUplinkKind,
  MAX_MSG_ID_CHARS,
  MAX_UPLINK_BYTES,
  UPLINK_FIELD_NAMES,
  type DeviceChannel,
  type DeviceType,
} from '@eldercare/protocol';
import fc from 'fast-check';

/** What a fuzzed device publishes: on one of its own channels, or on a topic that is not its own. */
export interface HostilePayload {
  /** Which family of hostile input this is, for the printed counts. */
  family: string;
  channel: Exclude<DeviceChannel, 'down'>;
  payload: Buffer;
  /**
   * `own`: the device's own topic (the gateway must refuse it). `other`: another device's topic, or its own `down`,
   * which the broker must not let through (the gateway must never see it).
   */
  topic: 'own' | 'other' | 'down';
}

/** A good uplink with a msgId the run chose, to be stored among the hostile ones. */
export interface GoodUplink {
  channel: 'up' | 'alarm';
  body: Record<string, unknown>;
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const text = (value: string) => Buffer.from(value, 'utf8');

const msgId = fc.string({ minLength: 1, maxLength: 20, unit: 'grapheme-ascii' });
/** Kinds of protocol v1, kinds of nothing, and kinds that are names of Object's prototype. */
const anyKind = fc.constantFrom(
  'sos',
  'fall',
  'cancel',
  'heartbeat',
  'water',
  'vitals',
  'location',
  'worn',
  'selfdestruct',
  'SOS',
  '',
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
);
/** Values of every JSON type but number and string, which each family adds where they are wrong. */
const nonScalarValue = fc.oneof(
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }),
);
/** A value of a type the numeric fields never take (a boolean is one a flag field does). */
const wrongTypedValue = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }),
);
/** Numbers at and beyond the edges of JSON and of each field's range, every one out of the field's range. */
const outOfRange: Record<DeviceType, readonly string[]> = {
  // battery: an integer, 0 to 100.
  call_button: [
    '-1',
    '101',
    '100.5',
    '1e400',
    '-1e400',
    '1e308',
    '9007199254740993',
    '-9007199254740993',
    '4.9e-324',
    '0.1',
    '-0.0000001',
  ],
  // totalLiters: a number, 0 or more.
  water_meter: ['-1', '-1e400', '1e400', '-1e308', '-4.9e-320', '-9007199254740993', '-0.0000001'],
  // heartRate: an integer, 20 to 250.
  wearable: ['-1', '19', '251', '100.5', '1e400', '-1e400', '1e308', '9007199254740993', '4.9e-324', '0', '19.999'],
  // breathingRate: an integer, 0 to 80.
  bed_mat: ['-1', '81', '14.5', '1e400', '-1e400', '1e308', '9007199254740993', '4.9e-324', '-0.0000001'],
};
const numericField: Record<DeviceType, string> = {
  call_button: '"kind":"heartbeat","battery"',
  water_meter: '"kind":"water","totalLiters"',
  wearable: '"kind":"vitals","heartRate"',
  bed_mat: '"kind":"bed","inBed":true,"breathingRate"',
};

/** A valid uplink of the device's type, as JSON text, to cut, pad or poison. */
function validBodyOf(type: DeviceType): fc.Arbitrary<Record<string, unknown>> {
  const kinds: Record<DeviceType, fc.Arbitrary<Record<string, unknown>>> = {
    call_button: fc.oneof(
      fc.constant({ kind: 'sos' }),
      fc.record({ kind: fc.constant('heartbeat'), battery: fc.integer({ min: 0, max: 100 }) }),
    ),
    water_meter: fc.oneof(
      fc.record({ kind: fc.constant('water'), totalLiters: fc.double({ min: 0, max: 1e6, noNaN: true }) }),
      fc.record({ kind: fc.constant('heartbeat'), battery: fc.integer({ min: 0, max: 100 }) }),
    ),
    wearable: fc.oneof(
      fc.record({ kind: fc.constant('vitals'), heartRate: fc.integer({ min: 20, max: 250 }) }),
      fc.record({ kind: fc.constant('location'), lat: fc.constant(28.68), lon: fc.constant(115.89) }),
    ),
    // Only required fields: a family that drops one must leave an uplink the protocol refuses.
    bed_mat: fc.record({ kind: fc.constant('bed'), inBed: fc.boolean() }),
  };
  return fc.tuple(msgId, kinds[type]).map(([id, body]) => ({ msgId: id, ...body }));
}

/**
 * The families of hostile payloads for a device of `type`. Each payload is refused whatever the fuzzer picks: by
 * the protocol (size, UTF-8, JSON, one object, envelope, kind, fields, status) or, for `topic: 'other'|'down'`, by
 * the broker. None is a valid uplink, so none may be stored.
 */
export function hostilePayloads(type: DeviceType): fc.Arbitrary<HostilePayload> {
  const up = (family: string, payload: fc.Arbitrary<Buffer>, channel: HostilePayload['channel'] = 'up') =>
    payload.map((bytes): HostilePayload => ({ family, channel, payload: bytes, topic: 'own' }));
  const valid = validBodyOf(type);

  const malformedJson = fc.oneof(
    // Every proper prefix of a JSON object is not JSON.
    valid.chain((body) => {
      const whole = JSON.stringify(body);
      return fc.integer({ min: 0, max: whole.length - 1 }).map((cut) => text(whole.slice(0, cut)));
    }),
    valid.chain((body) =>
      fc
        .constantFrom(',', '}', ' x', ',"a":}', '\u0000')
        .map((tail) => text(JSON.stringify(body).replace(/}$/, `${tail}}`))),
    ),
    fc
      .constantFrom(
        "{'msgId':'a','kind':'sos'}",
        '{msgId:"a",kind:"sos"}',
        '{"msgId":"a","kind":"sos",}',
        '{"msgId":"a","kind":"heartbeat","battery":NaN}',
        '{"msgId":"a","kind":"heartbeat","battery":Infinity}',
        '{"msgId":"a","kind":"heartbeat","battery":0x10}',
        '\ufeff{"msgId":"a","kind":"sos"}',
        '',
        '{',
      )
      .map(text),
  );
  const notAnObject = fc.oneof(
    fc.constantFrom('null', 'true', '0', '"sos"', '[]').map(text),
    fc.array(valid, { minLength: 1, maxLength: 3 }).map(json),
  );
  const wrongTypes = fc.oneof(
    // In the envelope: msgId, kind or ts of a wrong type or range.
    fc
      .tuple(valid, fc.oneof(nonScalarValue, fc.integer(), fc.boolean(), fc.constant('')))
      .map(([body, bad]) => json({ ...body, msgId: bad })),
    fc
      .tuple(valid, fc.oneof(nonScalarValue, fc.integer(), fc.boolean()))
      .map(([body, bad]) => json({ ...body, kind: bad })),
    fc
      .tuple(valid, fc.oneof(wrongTypedValue, fc.constantFrom(-1, 1.5)))
      .map(([body, bad]) => json({ ...body, ts: bad })),
    // In the fields of the kind: a value of another JSON type than the field's own (a bed mat's `inBed` takes a
    // boolean, which the numeric fields never do).
    fc
      .tuple(valid, wrongTypedValue)
      .map(([body, bad]) => ({
        body,
        bad,
        field: Object.keys(body).find((name) => name !== 'msgId' && name !== 'kind'),
      }))
      .filter(({ body, bad, field }) => field === undefined || typeof bad !== typeof body[field])
      .map(({ body, bad, field }) =>
        json(field ? { ...body, [field]: bad } : { ...body, kind: 'heartbeat', battery: bad }),
      ),
  );
  const boundaryNumbers = fc
    .tuple(msgId, fc.constantFrom(...outOfRange[type]))
    .map(([id, value]) => text(`{"msgId":${JSON.stringify(id)},${numericField[type]}:${value}}`));
  const hugeStrings = fc.oneof(
    fc.string({ minLength: MAX_MSG_ID_CHARS + 1, maxLength: 2000 }).map((id) => json({ msgId: id, kind: 'sos' })),
    fc
      .tuple(msgId, fc.string({ minLength: 100, maxLength: 3000 }))
      .map(([id, long]) => json({ msgId: id, kind: long })),
    fc
      .tuple(msgId, fc.string({ minLength: 100, maxLength: 3000 }))
      .map(([id, long]) => json({ msgId: id, kind: 'heartbeat', battery: long })),
  );
  const invalidUtf8 = fc
    .tuple(valid, fc.constantFrom([0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf8, 0x88, 0x80, 0x80]))
    .chain(([body, bad]) => {
      const whole = text(JSON.stringify(body));
      return fc
        .integer({ min: 0, max: whole.length })
        .map((at) => Buffer.concat([whole.subarray(0, at), Buffer.from(bad), whole.subarray(at)]));
    });
  const prototypeKeys = fc
    .tuple(
      valid,
      fc.constantFrom('__proto__', 'constructor', 'prototype', '__defineGetter__', 'toString'),
      fc.oneof(wrongTypedValue, fc.constant({ admin: true, polluted: true })),
    )
    .map(([body, key, value]) =>
      text(JSON.stringify(body).replace(/}$/, `,${JSON.stringify(key)}:${JSON.stringify(value)}}`)),
    );
  const deepNesting = fc
    .tuple(msgId, fc.integer({ min: 100, max: Math.floor((MAX_UPLINK_BYTES - 80) / 2) }), fc.boolean())
    .map(([id, depth, arrays]) => {
      const [open, close] = arrays ? ['[', ']'] : ['{"a":', '}'];
      const levels = arrays ? depth : Math.floor(depth / 3);
      return text(`{"msgId":${JSON.stringify(id)},"kind":"sos","x":${open.repeat(levels)}1${close.repeat(levels)}}`);
    });
  const oversize = fc.tuple(valid, fc.integer({ min: 1, max: 60_000 })).map(([body, extra]) => {
    const whole = JSON.stringify(body);
    return text(`${whole.slice(0, -1)}${' '.repeat(MAX_UPLINK_BYTES - whole.length + extra)}}`);
  });
  const binary = fc
    .uint8Array({ minLength: 1, maxLength: 512 })
    // A random byte string starting with `{` could be an object; one that does not cannot be.
    .map((bytes) => Buffer.from(bytes[0] === 0x7b ? [0x00, ...bytes] : bytes));
  const unknownKinds = fc
    .tuple(msgId, anyKind)
    .filter(([, kind]) => !isUplinkKind(kind))
    .map(([id, kind]) => json({ msgId: id, kind }));
  const notItsKind = msgId.map((id) =>
    json(type === 'water_meter' ? { msgId: id, kind: 'sos' } : { msgId: id, kind: 'water', totalLiters: 1 }),
  );
  const unknownFields = fc
    .tuple(
      valid,
      fc.string({ minLength: 1, maxLength: 10 }).filter((name) => !UPLINK_FIELD_NAMES.has(name)),
      fc.integer(),
    )
    .map(([body, name, value]) => json({ ...body, [name]: value }));
  const badStatus = fc.oneof(
    fc.constantFrom('{"online":"yes"}', '{"online":1}', '{"online":true,"x":1}', '{}', 'online', '').map(text),
    fc.oneof(nonScalarValue, fc.string(), fc.integer()).map((value) => json({ online: value })),
  );
  const readingOnAlarm = valid.filter((body) => !['sos', 'fall', 'cancel'].includes(body.kind as string)).map(json);

  return fc.oneof(
    up('malformed JSON', malformedJson),
    up('not an object', notAnObject),
    up('wrong types', wrongTypes),
    up('boundary numbers', boundaryNumbers),
    up('huge strings', hugeStrings),
    up('invalid UTF-8', invalidUtf8),
    up('prototype keys', prototypeKeys),
    up('deep nesting', deepNesting),
    up('oversize', oversize),
    up('binary', binary),
    up('unknown kinds', unknownKinds),
    up("another type's kind", notItsKind),
    up('unknown fields', unknownFields),
    up('bad status', badStatus, 'status'),
    up('a reading on the alarm topic', readingOnAlarm, 'alarm'),
    up('binary on the alarm topic', binary, 'alarm'),
    // Topics that are not the device's own: the broker refuses them, so the gateway never hears them.
    valid.map((body): HostilePayload => ({
      family: 'wrong topic',
      channel: 'up',
      payload: json(body),
      topic: 'other',
    })),
    valid.map((body): HostilePayload => ({ family: 'wrong topic', channel: 'up', payload: json(body), topic: 'down' })),
  );
}

/**
 * A device clock, when the device has one: any time since 1970, or far ahead of ours (past the largest date), which
 * the gateway replaces with the time it received the message.
 */
const deviceTime = fc.option(
  fc.oneof(fc.integer({ min: 0, max: Date.now() }), fc.constantFrom(0, 8.64e15, Number.MAX_SAFE_INTEGER)),
  { nil: undefined },
);

/** A good uplink of the device's type, without msgId (the run numbers them). */
export function goodUplinks(type: DeviceType): fc.Arbitrary<GoodUplink> {
  return fc
    .tuple(goodBodies(type), deviceTime)
    .map(([uplink, ts]) => (ts === undefined ? uplink : { ...uplink, body: { ...uplink.body, ts } }));
}

function goodBodies(type: DeviceType): fc.Arbitrary<GoodUplink> {
  const up = (body: fc.Arbitrary<Record<string, unknown>>) => body.map((b): GoodUplink => ({ channel: 'up', body: b }));
  const heartbeat = up(fc.record({ kind: fc.constant('heartbeat'), battery: fc.integer({ min: 0, max: 100 }) }));
  const kinds: Record<DeviceType, fc.Arbitrary<GoodUplink>> = {
    call_button: fc.oneof(
      heartbeat,
      fc.constant<GoodUplink>({ channel: 'alarm', body: { kind: 'sos' } }),
      fc.constant<GoodUplink>({ channel: 'up', body: { kind: 'cancel' } }),
    ),
    water_meter: fc.oneof(
      heartbeat,
      up(
        fc.record({
          kind: fc.constant('water'),
          totalLiters: fc.double({ min: 0, max: 1e9, noNaN: true }),
          flowLpm: fc.double({ min: 0, max: 100, noNaN: true }),
        }),
      ),
    ),
    wearable: fc.oneof(
      heartbeat,
      up(fc.record({ kind: fc.constant('vitals'), spo2: fc.integer({ min: 50, max: 100 }) })),
      up(fc.record({ kind: fc.constant('worn'), worn: fc.boolean() })),
      fc
        .record({
          lat: fc.double({ min: -90, max: 90, noNaN: true }),
          lon: fc.double({ min: -180, max: 180, noNaN: true }),
        })
        .map((position): GoodUplink => ({ channel: 'alarm', body: { kind: 'fall', confidence: 0.9, ...position } })),
    ),
    bed_mat: fc.oneof(
      heartbeat,
      up(fc.record({ kind: fc.constant('bed'), inBed: fc.constant(false) })),
      up(
        fc.record({
          kind: fc.constant('bed'),
          inBed: fc.constant(true),
          heartRate: fc.integer({ min: 20, max: 250 }),
          breathingRate: fc.integer({ min: 0, max: 80 }),
        }),
      ),
    ),
  };
  return kinds[type];
}

/**
 * Hostile payloads from a publisher that may publish on any device's uplink topics (a broker account wider than a
 * device's): topics whose device id is malformed, or of no registered device. Every one is refused by the gateway.
 */
export function hostileTopics(): fc.Arbitrary<{ family: string; topic: string; payload: Buffer }> {
  const channel = fc.constantFrom('up', 'alarm', 'status');
  const payload = fc.oneof(
    fc.constant(json({ msgId: 'x1', kind: 'heartbeat', battery: 50 })),
    fc.constant(json({ msgId: 'x2', kind: 'sos' })),
    fc.constant(json({ online: true })),
    fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
  );
  // Characters MQTT allows in a topic level (no `/`, `+`, `#` nor NUL) that a device id may not hold.
  const malformedId = fc.oneof(
    fc.constantFrom('', 'ab', 'a'.repeat(65), 'btn 1', 'btn.1', '设备-0001', '..', '$SYS', 'btn\u202e1', 'a\u200bb'),
    fc
      .string({ minLength: 1, maxLength: 70, unit: 'binary' })
      // MQTT topics are UTF-8 without NUL, and Mosquitto also refuses control characters and non-characters.
      .filter(
        (id) =>
          !/[/+#\u0000-\u001f\u007f-\u009f\ud800-\udfff\ufdd0-\ufdef]/.test(id) &&
          !/[\ufffe\uffff]/.test(id) &&
          !/^[A-Za-z0-9_-]{3,64}$/.test(id),
      ),
  );
  const unknownId = fc.stringMatching(/^[A-Za-z0-9_-]{3,64}$/).map((id) => `ghost-${id}`.slice(0, 64));
  return fc.oneof(
    fc.tuple(malformedId, channel, payload).map(([id, ch, bytes]) => ({
      family: 'malformed topic',
      topic: `eldercare/v1/devices/${id}/${ch}`,
      payload: bytes,
    })),
    fc.tuple(unknownId, channel, payload).map(([id, ch, bytes]) => ({
      family: 'unregistered id',
      topic: `eldercare/v1/devices/${id}/${ch}`,
      payload: bytes,
    })),
  );
}
