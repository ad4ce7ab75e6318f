import { DAY_MS, MINUTE_MS } from './durations';
import { LOCAL_UTC_OFFSET_MS } from './local-time';

/** `YYYY-MM-DD` of the local day containing `at`. */
export function localDateOf(at: number): string {
  return new Date(at + LOCAL_UTC_OFFSET_MS).toISOString().slice(0, 10);
}

/** Local midnight starting the day `YYYY-MM-DD`. */
export function localDateStart(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) - LOCAL_UTC_OFFSET_MS;
}

/** The day after `YYYY-MM-DD`, as `YYYY-MM-DD`. */
export function nextLocalDate(date: string): string {
  return addLocalDays(date, 1);
}

/** `days` local days after `YYYY-MM-DD`. */
export function addLocalDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday of `YYYY-MM-DD`: 1 Monday … 7 Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The instant of local `HH:MM` on `YYYY-MM-DD`. */
export function localDateTime(date: string, time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return localDateStart(date) + (hours * 60 + minutes) * MINUTE_MS;
}

/** The local month `YYYY-MM`: its first instant and the first instant of the next. */
export function localMonthBounds(month: string): { start: number; end: number } {
  const [year, monthIndex] = month.split('-').map(Number);
  const start = Date.UTC(year, monthIndex - 1, 1) - LOCAL_UTC_OFFSET_MS;
  const end = Date.UTC(year, monthIndex, 1) - LOCAL_UTC_OFFSET_MS;
  return { start, end };
}

/** `YYYY-MM` of the local month containing `at`. */
export function localMonthOf(at: number): string {
  return localDateOf(at).slice(0, 7);
}
