import type { DeviceType, Uplink } from '@eldercare/protocol';
import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS } from '../time/durations';
import type { Absence } from './absence';
import { createDeviceRuleState, type DeviceRuleState } from './device-rule-state';
import type { DeviceEvent, RuleContext } from './rule-input';
import { mergeRuleSettings, type RuleSettingsOverrides } from './rule-settings';

/** Monday 24 November 2025, 00:00 in Asia/Shanghai: day 0 of every rule test. */
export const MONDAY = 1_763_913_600_000;

/** Local time `hh:mm:ss` on day `day` counted from MONDAY. */
export function localAt(day: number, hh: number, mm = 0, ss = 0): number {
  return MONDAY + day * DAY_MS + hh * HOUR_MS + mm * MINUTE_MS + ss * SECOND_MS;
}

/** The test device of each type. */
export const DEVICE_IDS: Record<DeviceType, string> = {
  call_button: 'btn-0001',
  water_meter: 'wm-0001',
  wearable: 'watch-0001',
  bed_mat: 'mat-0001',
};

/** An uplink without its msgId: the kit gives one. */
export type UplinkBody = Uplink extends infer U ? (U extends Uplink ? Omit<U, 'msgId'> : never) : never;

/** A device event at `occurredAt`; by default received then, with ids derived from the time (so later events sort later). */
export function deviceEvent<B extends UplinkBody>(
  deviceType: DeviceType,
  body: B,
  occurredAt: number,
  options: { receivedAt?: number; eventId?: string } = {},
): DeviceEvent & { uplink: B & { msgId: string } } {
  const eventId = options.eventId ?? String(occurredAt);
  return {
    eventId,
    deviceId: DEVICE_IDS[deviceType],
    deviceType,
    elderId: 'elder-1',
    uplink: { ...body, msgId: `m-${eventId}` } as Uplink & B & { msgId: string },
    occurredAt,
    receivedAt: options.receivedAt ?? occurredAt,
  };
}

/** A fresh state for the test device of `deviceType`. */
export function freshState(deviceType: DeviceType): DeviceRuleState {
  return createDeviceRuleState(DEVICE_IDS[deviceType], deviceType);
}

/** A rule context with the defaults laid under `overrides`. */
export function ruleContext(now: number, overrides: RuleSettingsOverrides = {}, absences: Absence[] = []): RuleContext {
  return { settings: mergeRuleSettings(overrides), absences, now };
}
