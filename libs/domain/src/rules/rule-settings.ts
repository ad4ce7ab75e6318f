import type { DeviceType } from '@eldercare/protocol';
import { DomainError } from '../errors/domain-error';
import type { LocalHours } from '../time/local-time';

/** Inclusive limits of one vital sign: a reading below `min` or above `max` is out of range. */
export interface VitalLimits {
  min: number;
  max: number;
}

/** A circle around the elder's home (for 失智 elders): a position farther than `radiusM` from the centre is outside. */
export interface SafeZone {
  lat: number;
  lon: number;
  radiusM: number;
}

/** Thresholds of every rule for one elder. Plain JSON, so an elder's overrides can be stored beside the elder. */
export interface RuleSettings {
  fall: {
    /** A fall reported with a lower confidence is ignored; a fall without a confidence counts. 0..1. */
    minConfidence: number;
  };
  vitals: {
    heartRate: VitalLimits;
    spo2: VitalLimits;
    bodyTempC: VitalLimits;
    /** Breaths per minute, read by a bed mat. */
    breathingRate: VitalLimits;
    /** Out-of-range readings in a row, per sign, before an alert: one odd reading is usually a loose watch. */
    consecutiveReadings: number;
  };
  noWater: {
    /** Hours without any water use before a check-on. */
    afterHours: number;
    /** The alert is only raised inside these local hours; a due time at night waits for the morning. */
    wakingHours: LocalHours;
  };
  waterRunning: {
    /** Minutes of continuous flow before an alert. */
    afterMinutes: number;
  };
  safeZone: {
    /** No zone: the elder is not watched for wandering. */
    zone: SafeZone | null;
    /** Minutes outside before an alert, so a walk past the edge is not one. */
    afterMinutes: number;
  };
  notWorn: {
    /** Daytime hours without the watch before a notice; night hours do not count. */
    afterDaytimeHours: number;
    daytime: LocalHours;
  };
  bed: {
    /** Local hours the elder is expected to be up; the rest of the day, wrapping past midnight, is the night. */
    dayHours: LocalHours;
    /** Minutes after getting up at night without lying down again before an alert: a fall on the way, perhaps. */
    returnWithinMinutes: number;
    /** Minutes out of bed in all during one night before a check-on: a restless or wandering night. */
    nightOutOfBedMinutes: number;
  };
  battery: {
    /** A heartbeat below this percentage raises battery-low. */
    lowBelowPercent: number;
  };
  sos: {
    /** A button's cancel this many seconds or fewer after its sos marks the alert cancelled by the elder. */
    cancelWindowSec: number;
  };
  deviceSilent: {
    /** A device is silent after this many heartbeat intervals without a message. */
    heartbeatFactor: number;
    /** Heartbeat interval per device type, seconds (the protocol's defaults). */
    heartbeatSec: Record<DeviceType, number>;
  };
  escalation: {
    critical: {
      /** Seconds unacknowledged before the operators are notified again. */
      reNotifyAfterSec: number;
      /** Seconds unacknowledged, counted from the raise, before the supervisors are told. */
      supervisorsAfterSec: number;
    };
    urgent: {
      /** Seconds unacknowledged, counted from the raise, before the supervisors are told. */
      supervisorsAfterSec: number;
    };
  };
  waterBaseline: {
    /** Weeks of history before the learned baseline speaks; until then the fixed no-water rule stands alone. */
    minWeeks: number;
    /** An hour counts as a normal-use hour when use in that hour of the week is at least this likely. */
    minProbability: number;
    /** Normal-use hours in a row without water before a check-on. */
    minQuietHours: number;
  };
}

/** Defaults from the rules issue and the device protocol. */
export const DEFAULT_RULE_SETTINGS: RuleSettings = {
  fall: { minConfidence: 0.7 },
  vitals: {
    heartRate: { min: 45, max: 120 },
    spo2: { min: 90, max: 100 },
    bodyTempC: { min: 35, max: 38.5 },
    breathingRate: { min: 10, max: 28 },
    consecutiveReadings: 3,
  },
  noWater: { afterHours: 12, wakingHours: { fromHour: 6, toHour: 22 } },
  waterRunning: { afterMinutes: 60 },
  safeZone: { zone: null, afterMinutes: 10 },
  notWorn: { afterDaytimeHours: 4, daytime: { fromHour: 7, toHour: 21 } },
  bed: { dayHours: { fromHour: 6, toHour: 22 }, returnWithinMinutes: 30, nightOutOfBedMinutes: 120 },
  battery: { lowBelowPercent: 20 },
  sos: { cancelWindowSec: 60 },
  deviceSilent: {
    heartbeatFactor: 2.5,
    heartbeatSec: { call_button: 900, water_meter: 3600, wearable: 900, bed_mat: 900 },
  },
  escalation: { critical: { reNotifyAfterSec: 60, supervisorsAfterSec: 180 }, urgent: { supervisorsAfterSec: 300 } },
  waterBaseline: { minWeeks: 3, minProbability: 0.9, minQuietHours: 3 },
};

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

/** An elder's overrides: any subset of the settings; `safeZone.zone: null` removes the zone. */
export type RuleSettingsOverrides = Omit<DeepPartial<RuleSettings>, 'safeZone'> & {
  safeZone?: { zone?: Partial<SafeZone> | null; afterMinutes?: number };
};

// What an override may name: the defaults, with a zone in place of the default `null`.
const SHAPE: unknown = {
  ...DEFAULT_RULE_SETTINGS,
  safeZone: { zone: { lat: 0, lon: 0, radiusM: 0 }, afterMinutes: 0 },
};
const NULLABLE_PATHS = new Set(['safeZone.zone']);

/**
 * The settings for one elder: `base` (the defaults unless given) with `overrides` laid over it, key by key.
 * Overrides usually come from stored JSON, so they are checked at run time as well: an unknown key, a value of the
 * wrong type or a nonsense range (min above max, a window that closes before it opens) throws a `DomainError` with
 * code `rule-settings-invalid` naming the setting, rather than leaving an elder unwatched.
 */
export function mergeRuleSettings(
  overrides: RuleSettingsOverrides,
  base: RuleSettings = DEFAULT_RULE_SETTINGS,
): RuleSettings {
  // A copy, so that no caller can change the defaults through the settings it was given.
  const merged = structuredClone(mergeValue(base, overrides, SHAPE, '')) as RuleSettings;
  validate(merged);
  return merged;
}

function invalid(path: string, problem: string): DomainError {
  return new DomainError('rule-settings-invalid', `rule setting ${path}: ${problem}`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mergeValue(base: unknown, override: unknown, shape: unknown, path: string): unknown {
  if (override === undefined) return base;
  if (typeof shape === 'number') {
    if (typeof override !== 'number' || !Number.isFinite(override)) throw invalid(path, 'must be a finite number');
    return override;
  }
  if (override === null && NULLABLE_PATHS.has(path)) return null;
  if (!isPlainObject(override) || !isPlainObject(shape)) throw invalid(path || 'settings', 'must be an object');
  const merged: Record<string, unknown> = isPlainObject(base) ? { ...base } : {};
  for (const [key, value] of Object.entries(override)) {
    const keyPath = path ? `${path}.${key}` : key;
    if (!Object.hasOwn(shape, key)) throw invalid(keyPath, 'is not a setting');
    merged[key] = mergeValue(merged[key], value, shape[key], keyPath);
  }
  return merged;
}

function requireRange(path: string, value: number, min: number, max: number): void {
  if (!(value >= min && value <= max)) throw invalid(path, `must be between ${min} and ${max}, got ${value}`);
}

function requirePositive(path: string, value: number): void {
  if (!(value > 0)) throw invalid(path, `must be greater than 0, got ${value}`);
}

function requireWholeNumber(path: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min)
    throw invalid(path, `must be a whole number of at least ${min}, got ${value}`);
}

function requireLimits(path: string, limits: VitalLimits): void {
  if (limits.min > limits.max) throw invalid(path, `min ${limits.min} is above max ${limits.max}`);
}

function requireHours(path: string, hours: LocalHours): void {
  requireWholeNumber(`${path}.fromHour`, hours.fromHour, 0);
  requireWholeNumber(`${path}.toHour`, hours.toHour, 1);
  if (hours.toHour > 24) throw invalid(`${path}.toHour`, `must be 24 or less, got ${hours.toHour}`);
  if (hours.fromHour >= hours.toHour) throw invalid(path, `opens at ${hours.fromHour} but closes at ${hours.toHour}`);
}

function validate(settings: RuleSettings): void {
  requireRange('fall.minConfidence', settings.fall.minConfidence, 0, 1);
  requireLimits('vitals.heartRate', settings.vitals.heartRate);
  requireLimits('vitals.spo2', settings.vitals.spo2);
  requireLimits('vitals.bodyTempC', settings.vitals.bodyTempC);
  requireLimits('vitals.breathingRate', settings.vitals.breathingRate);
  requireWholeNumber('vitals.consecutiveReadings', settings.vitals.consecutiveReadings, 1);
  requirePositive('noWater.afterHours', settings.noWater.afterHours);
  requireHours('noWater.wakingHours', settings.noWater.wakingHours);
  requirePositive('waterRunning.afterMinutes', settings.waterRunning.afterMinutes);
  const zone = settings.safeZone.zone;
  if (zone) {
    for (const key of ['lat', 'lon', 'radiusM'] as const) {
      if (typeof zone[key] !== 'number') throw invalid(`safeZone.zone.${key}`, 'is required');
    }
    requireRange('safeZone.zone.lat', zone.lat, -90, 90);
    requireRange('safeZone.zone.lon', zone.lon, -180, 180);
    requirePositive('safeZone.zone.radiusM', zone.radiusM);
  }
  requirePositive('safeZone.afterMinutes', settings.safeZone.afterMinutes);
  requirePositive('notWorn.afterDaytimeHours', settings.notWorn.afterDaytimeHours);
  requireHours('notWorn.daytime', settings.notWorn.daytime);
  requireHours('bed.dayHours', settings.bed.dayHours);
  requirePositive('bed.returnWithinMinutes', settings.bed.returnWithinMinutes);
  requirePositive('bed.nightOutOfBedMinutes', settings.bed.nightOutOfBedMinutes);
  requireRange('battery.lowBelowPercent', settings.battery.lowBelowPercent, 0, 100);
  requirePositive('sos.cancelWindowSec', settings.sos.cancelWindowSec);
  // A factor of 1 or less calls a device silent before its next heartbeat is even due.
  if (!(settings.deviceSilent.heartbeatFactor > 1))
    throw invalid('deviceSilent.heartbeatFactor', 'must be greater than 1');
  for (const [type, seconds] of Object.entries(settings.deviceSilent.heartbeatSec))
    requirePositive(`deviceSilent.heartbeatSec.${type}`, seconds);
  const critical = settings.escalation.critical;
  requirePositive('escalation.critical.reNotifyAfterSec', critical.reNotifyAfterSec);
  if (!(critical.supervisorsAfterSec > critical.reNotifyAfterSec)) {
    throw invalid(
      'escalation.critical',
      `supervisors (${critical.supervisorsAfterSec} s) must come after the re-notification (${critical.reNotifyAfterSec} s)`,
    );
  }
  requirePositive('escalation.urgent.supervisorsAfterSec', settings.escalation.urgent.supervisorsAfterSec);
  requireWholeNumber('waterBaseline.minWeeks', settings.waterBaseline.minWeeks, 1);
  if (!(settings.waterBaseline.minProbability > 0 && settings.waterBaseline.minProbability <= 1)) {
    throw invalid(
      'waterBaseline.minProbability',
      `must be above 0 and at most 1, got ${settings.waterBaseline.minProbability}`,
    );
  }
  requireWholeNumber('waterBaseline.minQuietHours', settings.waterBaseline.minQuietHours, 1);
}
