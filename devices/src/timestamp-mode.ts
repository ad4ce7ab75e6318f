import type { UplinkBody } from './uplink-body';

/**
 * What goes in an uplink's `ts`. `simulated`: the simulated time, right when the simulation runs in
 * real time or replays the past. `omit`: no `ts`, so the platform stamps its receive time; right
 * when time is accelerated, since simulated stamps would run ahead of the platform clock and be
 * recorded as clock skew.
 */
export type TimestampMode = 'simulated' | 'omit';

/** `simulated` in real time, `omit` when time runs faster. */
export function defaultTimestampMode(speed: number): TimestampMode {
  return speed === 1 ? 'simulated' : 'omit';
}

/** A copy of `uplink` stamped as `mode` says. */
export function applyTimestampMode<T extends UplinkBody>(uplink: T, mode: TimestampMode): T {
  const copy = { ...uplink };
  if (mode === 'omit') delete copy.ts;
  return copy;
}
