import { z } from 'zod';
import type { DeviceType } from './device-types';
import { msgIdSchema, tsSchema } from './envelope.schema';
import type { KindOf, UplinkKind } from './uplink-kinds';

const envelope = { msgId: msgIdSchema, ts: tsSchema.optional() };

const battery = z.number().int().min(0).max(100).describe('Battery charge, percent.');
const latitude = z.number().min(-90).max(90).describe('Latitude, WGS 84 degrees.');
const longitude = z.number().min(-180).max(180).describe('Longitude, WGS 84 degrees.');

// The page marks `lat` and `lon` optional without saying whether one may come alone. Half a position cannot be
// shown on a map, so the platform accepts both or neither; the JSON Schema says the same with dependentRequired.
function bothOrNeither(value: { lat?: number; lon?: number }, ctx: z.core.$RefinementCtx): void {
  if (value.lat !== undefined && value.lon === undefined)
    ctx.addIssue({ code: 'custom', path: ['lon'], message: 'required when lat is given' });
  if (value.lon !== undefined && value.lat === undefined)
    ctx.addIssue({ code: 'custom', path: ['lat'], message: 'required when lon is given' });
}
const positionTogether = { dependentRequired: { lat: ['lon'], lon: ['lat'] } };

const heartbeatSchema = z
  .strictObject({ ...envelope, kind: z.literal('heartbeat'), battery })
  .meta({ description: 'Sent every heartbeatSec.' });

const callButtonSosSchema = z
  .strictObject({ ...envelope, kind: z.literal('sos') })
  .meta({ description: 'The elder pressed the button.' });

const cancelSchema = z
  .strictObject({ ...envelope, kind: z.literal('cancel') })
  .meta({ description: 'The elder held the button to cancel a press made by mistake.' });

const waterSchema = z
  .strictObject({
    ...envelope,
    kind: z.literal('water'),
    totalLiters: z.number().min(0).describe("The meter's cumulative register, litres."),
    flowLpm: z.number().min(0).optional().describe('Flow now, litres per minute.'),
  })
  .meta({ description: 'Sent every reportSec and when flow starts or stops.' });

const wearableSosSchema = z
  .strictObject({ ...envelope, kind: z.literal('sos'), lat: latitude.optional(), lon: longitude.optional() })
  .superRefine(bothOrNeither)
  .meta({
    description: "The elder pressed the watch's SOS key. lat and lon come together or not at all.",
    ...positionTogether,
  });

const fallSchema = z
  .strictObject({
    ...envelope,
    kind: z.literal('fall'),
    confidence: z.number().min(0).max(1).optional().describe('How sure the watch is, 0 to 1.'),
    lat: latitude.optional(),
    lon: longitude.optional(),
  })
  .superRefine(bothOrNeither)
  .meta({ description: 'The watch detected a fall. lat and lon come together or not at all.', ...positionTogether });

const VITALS = ['heartRate', 'spo2', 'bodyTempC', 'steps'] as const;
const vitalsSchema = z
  .strictObject({
    ...envelope,
    kind: z.literal('vitals'),
    heartRate: z.number().int().min(20).max(250).optional().describe('Beats per minute.'),
    spo2: z.number().int().min(50).max(100).optional().describe('Blood oxygen saturation, percent.'),
    bodyTempC: z.number().min(30).max(45).optional().describe('Body temperature, degrees Celsius.'),
    steps: z.number().int().min(0).optional().describe('Step count.'),
  })
  .refine(
    (value) => VITALS.some((name) => value[name] !== undefined),
    `at least one of ${VITALS.join(', ')} is required`,
  )
  .meta({
    description: 'Sent every reportSec, with at least one reading.',
    anyOf: VITALS.map((name) => ({ required: [name] })),
  });

const locationSchema = z
  .strictObject({
    ...envelope,
    kind: z.literal('location'),
    lat: latitude,
    lon: longitude,
    accuracyM: z.number().min(0).optional().describe('Accuracy radius, metres.'),
  })
  .meta({ description: 'Sent every reportSec while moving.' });

const wornSchema = z
  .strictObject({
    ...envelope,
    kind: z.literal('worn'),
    worn: z.boolean().describe('True when put on, false when taken off.'),
  })
  .meta({ description: 'The watch was put on or taken off.' });

const BED_RATES = ['heartRate', 'breathingRate'] as const;
const bedSchema = z
  .strictObject({
    ...envelope,
    kind: z.literal('bed'),
    inBed: z.boolean().describe('True while someone lies on the mat.'),
    heartRate: z.number().int().min(20).max(250).optional().describe('Beats per minute, measured through the mat.'),
    breathingRate: z.number().int().min(0).max(80).optional().describe('Breaths per minute, measured through the mat.'),
  })
  .refine(
    (value) => value.inBed || BED_RATES.every((name) => value[name] === undefined),
    `${BED_RATES.join(' and ')} are only sent while inBed is true`,
  )
  .meta({
    description:
      'Sent every reportSec and at once when the elder gets into or out of bed. heartRate and breathingRate only while inBed is true.',
    anyOf: [
      { properties: { inBed: { const: true } } },
      { not: { anyOf: BED_RATES.map((name) => ({ required: [name] })) } },
    ],
  });

/** An SOS press; a wearable may add its position (`lat` and `lon` together), a call button sends none. */
export type SosUplink = z.infer<typeof wearableSosSchema>;
/** A call button's cancel of a press made by mistake. */
export type CancelUplink = z.infer<typeof cancelSchema>;
/** A periodic sign of life with the battery level, from every device type. */
export type HeartbeatUplink = z.infer<typeof heartbeatSchema>;
/** A water meter's register and flow. */
export type WaterUplink = z.infer<typeof waterSchema>;
/** A fall detected by a wearable. */
export type FallUplink = z.infer<typeof fallSchema>;
/** A wearable's readings; at least one of them is present. */
export type VitalsUplink = z.infer<typeof vitalsSchema>;
/** A wearable's position. */
export type LocationUplink = z.infer<typeof locationSchema>;
/** A wearable put on (`worn: true`) or taken off. */
export type WornUplink = z.infer<typeof wornSchema>;

/** A bed-sensor mat's report: in or out of bed, and the heart and breathing rates while in bed. */
export type BedUplink = z.infer<typeof bedSchema>;

/** Any accepted uplink, discriminated by `kind`; which kinds a device may send depends on its type. */
export type Uplink =
  | SosUplink
  | CancelUplink
  | HeartbeatUplink
  | WaterUplink
  | FallUplink
  | VitalsUplink
  | LocationUplink
  | WornUplink
  | BedUplink;

// Both directions hold: every kind has a member of the union, and every member's kind is a listed kind.
type SameKinds = [UplinkKind] extends [Uplink['kind']] ? ([Uplink['kind']] extends [UplinkKind] ? true : never) : never;
const sameKinds: SameKinds = true;
void sameKinds;

type SchemaTable = { [T in DeviceType]: { [K in KindOf<T>]: z.ZodType<Extract<Uplink, { kind: K }>> } };

// Typed against KINDS_BY_DEVICE_TYPE, so a kind added to one table and not the other does not compile.
const SCHEMAS_BY_TYPE_AND_KIND: SchemaTable = {
  call_button: { sos: callButtonSosSchema, cancel: cancelSchema, heartbeat: heartbeatSchema },
  water_meter: { water: waterSchema, heartbeat: heartbeatSchema },
  wearable: {
    sos: wearableSosSchema,
    fall: fallSchema,
    vitals: vitalsSchema,
    location: locationSchema,
    worn: wornSchema,
    heartbeat: heartbeatSchema,
  },
  bed_mat: { bed: bedSchema, heartbeat: heartbeatSchema },
};

/** The strict schema for one kind from one device type. */
export function uplinkKindSchema<T extends DeviceType>(deviceType: T, kind: KindOf<T>): z.ZodType<Uplink> {
  return (SCHEMAS_BY_TYPE_AND_KIND[deviceType] as Record<string, z.ZodType<Uplink>>)[kind];
}

/**
 * Every uplink a device type may send, as one schema discriminated by `kind`. The gateway validates kind by kind
 * (`validateUplink`); these are for simulators and the JSON Schema export.
 */
export const uplinkSchemas = {
  call_button: z.discriminatedUnion('kind', [callButtonSosSchema, cancelSchema, heartbeatSchema]),
  water_meter: z.discriminatedUnion('kind', [waterSchema, heartbeatSchema]),
  wearable: z.discriminatedUnion('kind', [
    wearableSosSchema,
    fallSchema,
    vitalsSchema,
    locationSchema,
    wornSchema,
    heartbeatSchema,
  ]),
  bed_mat: z.discriminatedUnion('kind', [bedSchema, heartbeatSchema]),
} satisfies Record<DeviceType, z.ZodType<Uplink>>;

/**
 * The uplinks a device type may send on its `alarm` topic: its sos, fall and cancel. A water meter and a bed mat
 * have none.
 * For the JSON Schema export; the gateway reads the topic with `decodeAlarm`, then validates as on `up`.
 */
export const alarmSchemas = {
  call_button: z.discriminatedUnion('kind', [callButtonSosSchema, cancelSchema]),
  wearable: z.discriminatedUnion('kind', [wearableSosSchema, fallSchema]),
} satisfies Partial<Record<DeviceType, z.ZodType<Uplink>>>;

/**
 * Every field name some uplink of protocol v1 may carry, envelope included. Stage 1 refuses any other name before
 * the device type is known, so no later step ever handles a `__proto__` or `constructor` key.
 */
export const UPLINK_FIELD_NAMES: ReadonlySet<string> = new Set(
  Object.values(uplinkSchemas).flatMap((union) =>
    union.options.flatMap((schema: z.ZodObject) => Object.keys(schema.shape)),
  ),
);
