import { DomainError } from '../errors/domain-error';
import {
  isoWeekday,
  localDateOf,
  localDateTime,
  localMonthBounds,
  localMonthOf,
  nextLocalDate,
} from '../time/local-calendar';
import { entitlementOf, type EntitlementRule } from './entitlements';
import { quantityOf, SERVICES, type ServiceCode } from './service-catalogue';

/**
 * One line of an elder's care plan: a service by a provider on given weekdays at given local times, between two
 * dates. Meals daily at 11:30 are every weekday at `11:30`; a bath twice a week is two weekdays.
 */
export interface CarePlanLine {
  id: string;
  service: ServiceCode;
  providerId: string;
  /** ISO weekdays, 1 Monday … 7 Sunday. */
  weekdays: number[];
  /** Local `HH:MM` times, each a visit. */
  times: string[];
  /** Minutes a visit takes; the catalogue's default when not given. */
  minutes?: number;
  /** First and last day, `YYYY-MM-DD`, both included; no end runs on. */
  startsOn: string;
  endsOn: string | null;
}

/** One visit a plan line asks for. Its key is the same every time it is generated: plan line, date and time. */
export interface PlannedVisit {
  key: string;
  planLineId: string;
  service: ServiceCode;
  providerId: string;
  date: string;
  time: string;
  startsAt: number;
  minutes: number;
  quantity: number;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Refuses a plan line that cannot be scheduled, naming what is wrong. */
export function checkPlanLine(line: Omit<CarePlanLine, 'id'>): void {
  const refuse = (message: string) => {
    throw new DomainError('care-plan-invalid', message);
  };
  if (!Object.hasOwn(SERVICES, line.service)) refuse(`unknown service ${line.service}`);
  if (line.weekdays.length === 0 || line.weekdays.some((day) => !Number.isInteger(day) || day < 1 || day > 7))
    refuse('weekdays must be 1 (Monday) to 7 (Sunday)');
  if (new Set(line.weekdays).size !== line.weekdays.length) refuse('a weekday is given twice');
  if (line.times.length === 0 || line.times.some((time) => !TIME.test(time)))
    refuse('times must be HH:MM, 00:00 to 23:59');
  if (new Set(line.times).size !== line.times.length) refuse('a time is given twice');
  if (!DATE.test(line.startsOn) || (line.endsOn !== null && !DATE.test(line.endsOn)))
    refuse('dates must be YYYY-MM-DD');
  if (line.endsOn !== null && line.endsOn < line.startsOn) refuse('the plan ends before it starts');
  if (line.minutes !== undefined && !(Number.isInteger(line.minutes) && line.minutes >= 5 && line.minutes <= 12 * 60))
    refuse('a visit takes 5 minutes to 12 hours');
}

/** The visits of a plan line on the local days `from` to `to` (both `YYYY-MM-DD`, both included), in time order. */
export function visitsOf(line: CarePlanLine, from: string, to: string): PlannedVisit[] {
  const visits: PlannedVisit[] = [];
  const first = from > line.startsOn ? from : line.startsOn;
  const last = line.endsOn !== null && line.endsOn < to ? line.endsOn : to;
  const minutes = line.minutes ?? SERVICES[line.service].minutes;
  const times = [...line.times].sort();
  for (let date = first; date <= last; date = nextLocalDate(date)) {
    if (!line.weekdays.includes(isoWeekday(date))) continue;
    for (const time of times) {
      visits.push({
        key: `${line.id}/${date}/${time}`,
        planLineId: line.id,
        service: line.service,
        providerId: line.providerId,
        date,
        time,
        startsAt: localDateTime(date, time),
        minutes,
        quantity: quantityOf(line.service, minutes),
      });
    }
  }
  return visits;
}

/** `count` months `YYYY-MM` from `month` on. */
function monthsFrom(month: string, count: number): string[] {
  const months = [month];
  while (months.length < count) months.push(localMonthOf(localMonthBounds(months[months.length - 1]).end));
  return months;
}

export interface EntitlementExcess {
  month: string;
  service: ServiceCode;
  planned: number;
  owed: number;
}

/**
 * Where an elder's plan lines ask for more than their categories are owed, month by month, over the first
 * `horizonMonths` months of the plan. Empty when the plan fits.
 */
export function planExcesses(
  lines: readonly CarePlanLine[],
  categories: readonly string[],
  rules: readonly EntitlementRule[],
  from: string,
  horizonMonths = 12,
): EntitlementExcess[] {
  const owed = entitlementOf(categories, rules);
  const excesses: EntitlementExcess[] = [];
  for (const month of monthsFrom(from.slice(0, 7), horizonMonths)) {
    const { start, end } = localMonthBounds(month);
    const planned = new Map<ServiceCode, number>();
    for (const line of lines) {
      for (const visit of visitsOf(line, localDateOf(start), localDateOf(end - 1)))
        planned.set(visit.service, (planned.get(visit.service) ?? 0) + visit.quantity);
    }
    for (const [service, quantity] of planned) {
      const allowed = owed.get(service) ?? 0;
      if (quantity > allowed) excesses.push({ month, service, planned: quantity, owed: allowed });
    }
  }
  return excesses;
}
