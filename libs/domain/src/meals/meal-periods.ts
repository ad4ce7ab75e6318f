import { DomainError } from '../errors/domain-error';
import { localDateOf, localDateStart } from '../time/local-calendar';
import { MINUTE_MS } from '../time/durations';

/**
 * The meals of a canteen's day.
 * STORED OUTSIDE THE CODE: canteens and meal_transactions rows keep these codes. Never rename one.
 */
export const MEAL_PERIODS = ['breakfast', 'lunch', 'dinner'] as const;
export type MealPeriod = (typeof MEAL_PERIODS)[number];

/** When a canteen serves one meal: local `HH:MM`, `opens` before `closes`. */
export interface MealPeriodHours {
  period: MealPeriod;
  opens: string;
  closes: string;
}

/** A canteen's usual day (after published municipal canteen hours): breakfast, lunch and dinner. */
export const DEFAULT_MEAL_PERIODS: MealPeriodHours[] = [
  { period: 'breakfast', opens: '06:00', closes: '09:00' },
  { period: 'lunch', opens: '11:00', closes: '13:30' },
  { period: 'dinner', opens: '17:30', closes: '19:30' },
];

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
/** A meal may be served until midnight: `24:00` closes the day. */
const CLOSES = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const minuteOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Refuses a canteen's periods that cannot be served (`canteen-invalid`): unknown, twice, empty or overlapping. */
export function checkMealPeriods(periods: readonly MealPeriodHours[]): void {
  const refuse = (message: string) => {
    throw new DomainError('canteen-invalid', message);
  };
  if (periods.length === 0) refuse('a canteen serves at least one meal');
  if (new Set(periods.map((hours) => hours.period)).size !== periods.length) refuse('a meal is given twice');
  for (const hours of periods) {
    if (!(MEAL_PERIODS as readonly string[]).includes(hours.period)) refuse(`unknown meal ${hours.period}`);
    if (!TIME.test(hours.opens) || !CLOSES.test(hours.closes) || minuteOf(hours.closes) <= minuteOf(hours.opens))
      refuse(`${hours.period} must open before it closes, HH:MM`);
  }
  const sorted = [...periods].sort((a, b) => minuteOf(a.opens) - minuteOf(b.opens));
  for (let index = 1; index < sorted.length; index++)
    if (minuteOf(sorted[index].opens) < minuteOf(sorted[index - 1].closes)) refuse('meals overlap');
}

/** The meal a canteen serves at `at` and its local date, or undefined between meals. */
export function mealPeriodAt(
  periods: readonly MealPeriodHours[],
  at: number,
): { period: MealPeriod; date: string } | undefined {
  const date = localDateOf(at);
  const minute = (at - localDateStart(date)) / MINUTE_MS;
  const hours = periods.find((candidate) => minute >= minuteOf(candidate.opens) && minute < minuteOf(candidate.closes));
  return hours && { period: hours.period, date };
}
