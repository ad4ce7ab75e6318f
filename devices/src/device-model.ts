import type { DeviceType } from './protocol-shim';
import type { UplinkBody } from './uplink-body';

/** Interval settings a `config` downlink may change. */
export interface DeviceConfig {
  heartbeatSec?: number;
  reportSec?: number;
}

/**
 * What one device does by itself over time, without I/O: given the simulated clock, the uplinks it
 * would send. Models never read the real clock or Math.random; the same options and the same
 * `advanceTo` times give the same uplinks, however the time is cut into steps.
 */
export interface DeviceModel {
  readonly type: DeviceType;
  /** The uplinks due after the previous call and up to `nowMs` (inclusive), in time order, each with `ts`. */
  advanceTo(nowMs: number): UplinkBody[];
  /** Applies the intervals of a `config` downlink received at `atMs`. */
  configure(config: DeviceConfig, atMs: number): void;
}

/** Options every behaviour model takes. */
export interface DeviceModelOptions {
  /** Seed of this device's randomness; the same seed replays the same device. */
  seed: string;
  /** Simulated epoch ms at which the device starts. */
  startMs: number;
  /** Local time offset of the elder's home; default China Standard Time. */
  utcOffsetMinutes?: number;
  /** Intervals at start; defaults are the protocol's. */
  config?: DeviceConfig;
}

/** Firmware guards its timers against absurd settings; so does the simulator. */
export function clampIntervalSec(seconds: number): number {
  return Math.min(Math.max(Math.round(seconds), 10), 86_400);
}
