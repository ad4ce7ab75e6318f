import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEVICE_TYPES } from './device-types';
import { protocolJsonSchemas, renderJsonSchemaFiles } from './json-schema';
import { ACCEPTED_UPLINKS, REFUSED_UPLINKS } from './uplink-cases.fixture';
import { isAlarmKind } from './uplink-kinds';
import { alarmSchemas } from './uplink.schema';

type Schema = Record<string, unknown>;

// Keywords that only annotate; any other keyword the tiny validator below does not know fails the test, so the
// export cannot grow a rule that these tests silently ignore.
const ANNOTATIONS = new Set(['$schema', 'title', 'description']);

/**
 * A deliberately small JSON Schema (2020-12) validator for the keywords the export uses. Lengths count code points,
 * as the specification says; numbers must be finite, as JSON numbers are.
 */
function validates(schema: Schema, value: unknown): boolean {
  return Object.entries(schema).every(([keyword, rule]) => {
    if (ANNOTATIONS.has(keyword)) return true;
    const object =
      typeof value === 'object' && value !== null && !Array.isArray(value)
        ? (value as Record<string, unknown>)
        : undefined;
    switch (keyword) {
      case 'type':
        if (rule === 'object') return object !== undefined;
        if (rule === 'string') return typeof value === 'string';
        if (rule === 'boolean') return typeof value === 'boolean';
        if (rule === 'number') return typeof value === 'number' && Number.isFinite(value);
        if (rule === 'integer') return typeof value === 'number' && Number.isInteger(value);
        throw new Error(`type ${String(rule)} not supported`);
      case 'const':
        return value === rule;
      case 'enum':
        return (rule as unknown[]).includes(value);
      case 'minimum':
        return typeof value !== 'number' || value >= (rule as number);
      case 'maximum':
        return typeof value !== 'number' || value <= (rule as number);
      case 'minLength':
        return typeof value !== 'string' || [...value].length >= (rule as number);
      case 'maxLength':
        return typeof value !== 'string' || [...value].length <= (rule as number);
      case 'pattern':
        return typeof value !== 'string' || new RegExp(rule as string, 'u').test(value);
      case 'properties':
        return (
          object === undefined ||
          Object.entries(rule as Record<string, Schema>).every(
            ([name, sub]) => !Object.hasOwn(object, name) || validates(sub, object[name]),
          )
        );
      case 'required':
        return object === undefined || (rule as string[]).every((name) => Object.hasOwn(object, name));
      case 'additionalProperties':
        if (rule !== false) throw new Error('only additionalProperties: false is supported');
        return (
          object === undefined || Object.keys(object).every((name) => Object.hasOwn(schema.properties as Schema, name))
        );
      case 'dependentRequired':
        return (
          object === undefined ||
          Object.entries(rule as Record<string, string[]>).every(
            ([name, needs]) => !Object.hasOwn(object, name) || needs.every((need) => Object.hasOwn(object, need)),
          )
        );
      case 'not':
        return !validates(rule as Schema, value);
      case 'anyOf':
        return (rule as Schema[]).some((sub) => validates(sub, value));
      case 'oneOf':
        return (rule as Schema[]).filter((sub) => validates(sub, value)).length === 1;
      default:
        throw new Error(`keyword ${keyword} not supported by the test validator`);
    }
  });
}

const schemas = protocolJsonSchemas() as Record<string, Schema>;

describe('protocolJsonSchemas', () => {
  it('exports one schema per device type uplink, the alarms of the types that send them, the status and the downlink', () => {
    expect(Object.keys(schemas).sort()).toEqual(
      [
        ...DEVICE_TYPES.map((type) => `uplink.${type}`),
        'alarm.call_button',
        'alarm.wearable',
        'status',
        'downlink',
      ].sort(),
    );
  });

  // An alarm schema accepts exactly the uplinks of its type's schema that are alarms.
  const sendsAlarms = ([, type]: [string, string, ...unknown[]]) => Object.hasOwn(alarmSchemas, type);

  it.each(ACCEPTED_UPLINKS.filter(sendsAlarms))(
    'judges %s (%s) on the alarm topic by its kind',
    (_description, deviceType, payload) => {
      const uplink = JSON.parse(payload);
      expect(validates(schemas[`alarm.${deviceType}`], uplink)).toBe(isAlarmKind(uplink.kind));
    },
  );

  it.each(REFUSED_UPLINKS.filter(sendsAlarms))(
    'refuses %s (%s) on the alarm topic too',
    (_description, deviceType, payload) => {
      expect(validates(schemas[`alarm.${deviceType}`], JSON.parse(payload))).toBe(false);
    },
  );

  it.each(Object.keys(schemas))('gives %s a draft 2020-12 $schema, a title and a description', (name) => {
    expect(schemas[name]).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: expect.any(String),
      description: expect.any(String),
    });
  });

  it.each(ACCEPTED_UPLINKS)('accepts %s (%s)', (_description, deviceType, payload) => {
    expect(validates(schemas[`uplink.${deviceType}`], JSON.parse(payload))).toBe(true);
  });

  // The same table the zod schemas are tested with: where the two disagree, a firmware maker would be misled.
  it.each(REFUSED_UPLINKS)('refuses %s (%s), as the platform does with %s', (_description, deviceType, payload) => {
    expect(validates(schemas[`uplink.${deviceType}`], JSON.parse(payload))).toBe(false);
  });

  it.each([
    ['{"online":true}', true],
    ['{"online":false}', true],
    ['{"online":"true"}', false],
    ['{}', false],
    ['{"online":true,"since":1}', false],
  ])('judges the status %s as %s', (payload, valid) => {
    expect(validates(schemas.status, JSON.parse(payload))).toBe(valid);
  });

  it.each([
    ['the page example', '{"msgId":"d1","kind":"ack","ref":"a1","state":"help-coming"}', true],
    ['a rejection without ref', '{"msgId":"d2","kind":"rejected","reason":"not-json: payload is not JSON"}', true],
    ['a config', '{"msgId":"d3","kind":"config","reportSec":300}', true],
    ['an unknown field', '{"msgId":"d1","kind":"ack","ref":"a1","state":"help-coming","extra":1}', false],
    ['an unknown state', '{"msgId":"d1","kind":"ack","ref":"a1","state":"done"}', false],
    ['a config without intervals', '{"msgId":"d3","kind":"config"}', false],
  ])('judges the downlink %s as %s', (_description, payload, valid) => {
    expect(validates(schemas.downlink, JSON.parse(payload))).toBe(valid);
  });
});

describe('renderJsonSchemaFiles', () => {
  const sut = renderJsonSchemaFiles;

  it('names each file <name>.schema.json and ends it with a newline', () => {
    const files = sut();

    expect(Object.keys(files).sort()).toEqual(
      Object.keys(schemas)
        .map((name) => `${name}.schema.json`)
        .sort(),
    );
    expect(Object.values(files).every((text) => text.endsWith('}\n'))).toBe(true);
  });

  it('writes object keys in sorted order, so a zod upgrade that reorders them changes nothing', () => {
    const keyLists: string[][] = [];
    JSON.parse(sut()['uplink.wearable.schema.json'], (_key, value: unknown) => {
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) keyLists.push(Object.keys(value));
      return value;
    });

    expect(keyLists.length).toBeGreaterThan(10);
    expect(keyLists.every((keys) => keys.join('\n') === [...keys].sort().join('\n'))).toBe(true);
  });

  it.each(Object.entries(renderJsonSchemaFiles()))(
    'matches the committed docs/protocol/%s (run npm run protocol:schema)',
    (file, text) => {
      expect(readFileSync(join(__dirname, '../../../docs/protocol', file), 'utf8')).toBe(text);
    },
  );
});
