import { DAY_MS, HOUR_MS } from './durations';

/**
 * The platform's local time is Asia/Shanghai: UTC+8 all year, no daylight saving since 1991. A fixed offset keeps
 * the rules pure and exact; elders, habits and waking hours all live on this clock.
 */
export const LOCAL_UTC_OFFSET_MS = 8 * HOUR_MS;

/** A daily window of local hours, `[fromHour, toHour)`, for example waking hours 06:00–22:00 as `{ fromHour: 6, toHour: 22 }`. */
export interface LocalHours {
  /** Whole hour the window opens, 0..23. */
  fromHour: number;
  /** Whole hour the window closes, after `fromHour`, 1..24; the window never wraps past midnight. */
  toHour: number;
}

/** Local midnight that starts the local day containing `at`. */
export function localDayStart(at: number): number {
  return Math.floor((at + LOCAL_UTC_OFFSET_MS) / DAY_MS) * DAY_MS - LOCAL_UTC_OFFSET_MS;
}

/** Local hour of the day, 0..23. */
export function localHour(at: number): number {
  return Math.floor((at - localDayStart(at)) / HOUR_MS);
}

/** Local hour of the week, 0..167, counted from Monday 00:00 (the epoch's local day 0 was a Thursday). */
export function localHourOfWeek(at: number): number {
  const localDay = Math.floor((at + LOCAL_UTC_OFFSET_MS) / DAY_MS);
  const mondayBased = (((localDay + 3) % 7) + 7) % 7;
  return mondayBased * 24 + localHour(at);
}

/** True when `at` falls inside the window on its local day. */
export function isWithinLocalHours(at: number, hours: LocalHours): boolean {
  const hour = localHour(at);
  return hour >= hours.fromHour && hour < hours.toHour;
}

/** `at` itself when it lies inside the window, otherwise the next moment the window opens. */
export function nextLocalHoursStart(at: number, hours: LocalHours): number {
  if (isWithinLocalHours(at, hours)) return at;
  const todayOpens = localDayStart(at) + hours.fromHour * HOUR_MS;
  return at < todayOpens ? todayOpens : todayOpens + DAY_MS;
}

/**
 * The moment by which `durationMs` of time inside the window has passed, counting from `start`. Time outside the
 * window does not count: a watch taken off at 21:30 has been off for no daytime at all by 07:00 the next morning.
 */
export function addLocalHoursTime(start: number, durationMs: number, hours: LocalHours): number {
  let at = nextLocalHoursStart(start, hours);
  let remaining = durationMs;
  for (;;) {
    const closes = localDayStart(at) + hours.toHour * HOUR_MS;
    if (remaining <= closes - at) return at + remaining;
    remaining -= closes - at;
    at = nextLocalHoursStart(closes, hours);
  }
}
