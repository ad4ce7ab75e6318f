/**
 * Elders live by the local clock (breakfast at seven, bed by ten), so behaviour models need local
 * days. The offset is explicit rather than the machine's time zone so that runs and tests give the
 * same day wherever they run.
 */

/** China Standard Time, UTC+8, no daylight saving. */
export const CHINA_UTC_OFFSET_MINUTES = 480;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Epoch ms of the local midnight that starts the day containing `atMs`. */
export function localDayStart(atMs: number, utcOffsetMinutes: number): number {
  const offsetMs = utcOffsetMinutes * MINUTE_MS;
  return Math.floor((atMs + offsetMs) / DAY_MS) * DAY_MS - offsetMs;
}

/** Minutes since local midnight, fractional. */
export function localMinuteOfDay(atMs: number, utcOffsetMinutes: number): number {
  return (atMs - localDayStart(atMs, utcOffsetMinutes)) / MINUTE_MS;
}
