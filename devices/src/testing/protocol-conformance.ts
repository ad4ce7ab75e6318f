import type { DeviceType, Uplink } from '../protocol-shim';
import type { UplinkBody, UplinkKind } from '../uplink-body';

/*
 * The protocol page's uplink rules, written out independently of the code under test so that specs
 * can check what models and scenarios produce. Test support only: the gateway's schemas live in
 * libs/protocol.
 */

const KINDS_BY_DEVICE_TYPE: Record<DeviceType, readonly UplinkKind[]> = {
  call_button: ['sos', 'cancel', 'heartbeat'],
  water_meter: ['water', 'heartbeat'],
  wearable: ['sos', 'fall', 'vitals', 'location', 'worn', 'heartbeat'],
  bed_mat: ['bed', 'heartbeat'],
};

type Check = (value: unknown) => boolean;

const integerIn =
  (min: number, max: number): Check =>
  (value) =>
    Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
const numberIn =
  (min: number, max: number): Check =>
  (value) =>
    typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
const isBoolean: Check = (value) => typeof value === 'boolean';

interface FieldRule {
  check: Check;
  required: boolean;
}

const optional = (check: Check): FieldRule => ({ check, required: false });
const required = (check: Check): FieldRule => ({ check, required: true });
const position = { lat: optional(numberIn(-90, 90)), lon: optional(numberIn(-180, 180)) };

const FIELDS: Record<UplinkKind, Record<string, FieldRule>> = {
  sos: position,
  cancel: {},
  heartbeat: { battery: required(integerIn(0, 100)) },
  water: { totalLiters: required(numberIn(0, Infinity)), flowLpm: optional(numberIn(0, Infinity)) },
  fall: { confidence: optional(numberIn(0, 1)), ...position },
  vitals: {
    heartRate: optional(integerIn(20, 250)),
    spo2: optional(integerIn(50, 100)),
    bodyTempC: optional(numberIn(30, 45)),
    steps: optional(integerIn(0, Number.MAX_SAFE_INTEGER)),
  },
  location: {
    lat: required(numberIn(-90, 90)),
    lon: required(numberIn(-180, 180)),
    accuracyM: optional(numberIn(0, Infinity)),
  },
  worn: { worn: required(isBoolean) },
  bed: {
    inBed: required(isBoolean),
    heartRate: optional(integerIn(20, 250)),
    breathingRate: optional(integerIn(0, 80)),
  },
};

/** Everything in `uplink` that protocol v1 would refuse from a device of `type`; empty when it conforms. */
export function conformanceProblems(type: DeviceType, uplink: Uplink | UplinkBody): string[] {
  const problems: string[] = [];
  const fields = uplink as Record<string, unknown>;
  if (!KINDS_BY_DEVICE_TYPE[type].includes(uplink.kind)) problems.push(`a ${type} may not send ${uplink.kind}`);
  if ('msgId' in fields && !(typeof fields.msgId === 'string' && fields.msgId.length >= 1 && fields.msgId.length <= 64))
    problems.push('msgId');
  if (fields.ts !== undefined && !Number.isInteger(fields.ts)) problems.push('ts');
  if (Buffer.byteLength(JSON.stringify(uplink)) > 4096) problems.push('longer than 4096 bytes');
  // A call button's sos has no position: it has no GNSS.
  const rules = type === 'call_button' && uplink.kind === 'sos' ? {} : (FIELDS[uplink.kind] ?? {});
  for (const [name, rule] of Object.entries(rules)) {
    if (fields[name] === undefined ? rule.required : !rule.check(fields[name])) problems.push(name);
  }
  // Half a position cannot be shown on a map: lat and lon come together or not at all.
  if ('lat' in rules && (fields.lat === undefined) !== (fields.lon === undefined))
    problems.push('lat and lon together');
  if (uplink.kind === 'vitals' && Object.keys(rules).every((name) => fields[name] === undefined))
    problems.push('no reading');
  // An empty bed has no heart or breathing rate to measure.
  if (uplink.kind === 'bed' && fields.inBed === false && (fields.heartRate ?? fields.breathingRate) !== undefined)
    problems.push('rates while out of bed');
  for (const name of Object.keys(fields)) {
    if (!['msgId', 'ts', 'kind'].includes(name) && !(name in rules)) problems.push(`unknown field ${name}`);
  }
  return problems;
}
