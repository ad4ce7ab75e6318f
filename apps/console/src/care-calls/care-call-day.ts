import type { CareCallDue, CareCallRecord } from '@eldercare/contracts';
import { LOCAL_UTC_OFFSET_MS, localDayStart } from '@eldercare/domain';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The centre's date at `now` (Asia/Shanghai, as the api counts days), `yyyy-mm-dd`, whatever the browser's zone. */
export function centreDate(now: number): string {
  return new Date(localDayStart(now) + LOCAL_UTC_OFFSET_MS).toISOString().slice(0, 10);
}

/** Calls are logged as they are made, so only today's list takes them; other days are to read. */
export function dayKind(date: string, today: string): 'past' | 'today' | 'future' {
  if (date === today) return 'today';
  return date < today ? 'past' : 'future';
}

/** The day `by` days from `date`; `date` itself when it is not a date. */
export function shiftDate(date: string, by: number): string {
  if (!DAY.test(date)) return date;
  const at = Date.parse(`${date}T00:00:00Z`) + by * 86_400_000;
  return Number.isNaN(at) ? date : new Date(at).toISOString().slice(0, 10);
}

/**
 * The order to call in: first the elders whose last call went unanswered, then those never reached, then the
 * longest since they were last reached.
 */
export function dueInOrder(due: readonly CareCallDue[]): CareCallDue[] {
  const rank = (entry: CareCallDue) => (entry.retry ? 0 : entry.lastReached === null ? 1 : 2);
  return [...due].sort(
    (a, b) => rank(a) - rank(b) || Date.parse(a.lastReached ?? '') - Date.parse(b.lastReached ?? '') || 0,
  );
}

/** The calls made, newest first. */
export function madeNewestFirst(made: readonly CareCallRecord[]): CareCallRecord[] {
  return [...made].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}
