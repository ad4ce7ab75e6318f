import type { DeviceType } from './device-types';

/**
 * Uplink kinds of protocol v1.
 * STORED OUTSIDE THE CODE: firmware sends these strings and `device_messages.kind` stores them. Never rename.
 */
export const UPLINK_KINDS = [
  'sos',
  'cancel',
  'fall',
  'vitals',
  'location',
  'worn',
  'water',
  'heartbeat',
  'bed',
] as const;

/** Any uplink kind of protocol v1, whatever the device type. */
export type UplinkKind = (typeof UPLINK_KINDS)[number];

/** The kinds each device type may send; any other kind from that type is refused with `kind-not-allowed`. */
export const KINDS_BY_DEVICE_TYPE = {
  call_button: ['sos', 'cancel', 'heartbeat'],
  water_meter: ['water', 'heartbeat'],
  wearable: ['sos', 'fall', 'vitals', 'location', 'worn', 'heartbeat'],
  bed_mat: ['bed', 'heartbeat'],
} as const satisfies Record<DeviceType, readonly UplinkKind[]>;

/** The kinds a device of type `T` may send. */
export type KindOf<T extends DeviceType> = (typeof KINDS_BY_DEVICE_TYPE)[T][number];

/** Kinds the platform answers with `ack` downlinks (`received`, `help-coming`, `resolved`), per the protocol page. */
export const ACKNOWLEDGED_KINDS = ['sos', 'fall'] as const satisfies readonly UplinkKind[];

/**
 * Alarms: the kinds that never wait behind readings at any hop (broker queue, gateway batch, queue to the worker,
 * the worker's slots), and the only kinds the `alarm` topic carries. A `cancel` travels with them because it takes
 * back an `sos` the operator is about to answer.
 */
export const ALARM_KINDS = ['sos', 'fall', 'cancel'] as const satisfies readonly UplinkKind[];

/** True when `value` is a protocol v1 uplink kind of any device type. */
export function isUplinkKind(value: string): value is UplinkKind {
  return (UPLINK_KINDS as readonly string[]).includes(value);
}

/** True when a device of `deviceType` may send `kind`. */
export function isKindAllowed<T extends DeviceType>(deviceType: T, kind: string): kind is KindOf<T> {
  return (KINDS_BY_DEVICE_TYPE[deviceType] as readonly string[]).includes(kind);
}

/** `sos` and `fall`: acknowledged with `received` once stored (and `help-coming`, `resolved` later). */
export function isAcknowledgedKind(kind: string): kind is (typeof ACKNOWLEDGED_KINDS)[number] {
  return (ACKNOWLEDGED_KINDS as readonly string[]).includes(kind);
}

/** `sos`, `fall` and `cancel`: handled ahead of every reading, and accepted on the `alarm` topic. */
export function isAlarmKind(kind: string): kind is (typeof ALARM_KINDS)[number] {
  return (ALARM_KINDS as readonly string[]).includes(kind);
}
