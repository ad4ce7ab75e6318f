import type { DeviceType } from '@eldercare/protocol';
import type { TimerKind } from './rule-decision';

/** The vital signs the vitals rule watches (steps are counted, not judged); a bed mat reads the breathing rate. */
export const VITAL_SIGNS = ['heartRate', 'spo2', 'bodyTempC', 'breathingRate'] as const;

/** One of `VITAL_SIGNS`. */
export type VitalSign = (typeof VITAL_SIGNS)[number];

/** A reading with its device time. */
export interface VitalReading {
  value: number;
  at: number;
}

/** A position with its device time. */
export interface TimedPosition {
  lat: number;
  lon: number;
  accuracyM: number | null;
  at: number;
}

/** What a water meter's rules remember between readings. */
export interface WaterRuleState {
  /** The register of the last reading: the reference for the next difference. */
  totalLiters: number;
  /** Device time of the first reading: quiet time counts from here until the first use. */
  watchingSince: number;
  lastUseAt: number | null;
  /** Start of the current continuous flow, if water is running. */
  runningSince: number | null;
  /** Flow of the last reading that gave one. */
  flowLpm: number | null;
}

/** What a bed mat's rules remember between reports. */
export interface BedRuleState {
  /** Null until the mat has reported. */
  inBed: boolean | null;
  /** When the elder last got out of bed, while still out. */
  outSince: number | null;
  /** The night being counted: its start, the time out of bed in it before the current spell, and whether it raised. */
  night: { start: number; outMs: number; raised: boolean } | null;
}

/**
 * Everything the rules remember about one device, as plain JSON: the worker loads it, passes it in, and stores
 * the state it gets back. Every key is always present (null when unknown), so a stored copy reads back equal.
 */
export interface DeviceRuleState {
  deviceId: string;
  deviceType: DeviceType;
  /** The last event applied to the stateful rules, by device time then event id: nothing at or before it is applied again. */
  lastApplied: { occurredAt: number; eventId: string } | null;
  /** Latest receive time of anything from the device: the device-silent clock. */
  lastHeardAt: number | null;
  /**
   * When device-silent was raised for the device, until it is heard again (which clears it). Absent from states
   * stored before it was kept: read as null.
   */
  silentSince?: number | null;
  /** Due time of each timer the worker has been told to keep; a timer firing at another time is stale. */
  timers: Partial<Record<TimerKind, number>>;
  /** The device's latest sos, for a button's cancel. */
  lastSos: { eventId: string; msgId: string; occurredAt: number; cancelled: boolean } | null;
  /**
   * Per sign, the current run of out-of-range readings, kept up to the alert's count. States stored before the
   * breathing rate was watched have no `breathingRate` run: read as empty.
   */
  vitals: Record<VitalSign, VitalReading[]>;
  water: WaterRuleState | null;
  zone: { outsideSince: number | null; lastPosition: TimedPosition | null };
  worn: { offSince: number | null };
  /** True once battery-low was raised, until a heartbeat at or above the threshold. */
  batteryLow: boolean;
  /** A bed mat's presence. Absent from states stored before mats: read as `NO_BED`. */
  bed?: BedRuleState;
}

/** A bed mat's state before its first report. */
export const NO_BED: BedRuleState = { inBed: null, outSince: null, night: null };

/** The state of a device the rules have not heard from yet. */
export function createDeviceRuleState(deviceId: string, deviceType: DeviceType): DeviceRuleState {
  return {
    deviceId,
    deviceType,
    lastApplied: null,
    lastHeardAt: null,
    silentSince: null,
    timers: {},
    lastSos: null,
    vitals: { heartRate: [], spo2: [], bodyTempC: [], breathingRate: [] },
    water: null,
    zone: { outsideSince: null, lastPosition: null },
    worn: { offSince: null },
    batteryLow: false,
    bed: NO_BED,
  };
}
