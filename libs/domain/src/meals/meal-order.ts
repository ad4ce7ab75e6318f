import { DomainError } from '../errors/domain-error';
import { DAY_MS, MINUTE_MS } from '../time/durations';
import { localDateTime } from '../time/local-calendar';
import type { MealPeriod, MealPeriodHours } from './meal-periods';

/** A canteen plans its kitchen and deliveries two hours before a meal opens: orders and cancellations close then. */
export const MEAL_ORDER_CUTOFF_MINUTES = 120;
/** How far ahead a family may order: a week of menus. */
export const MEAL_ORDER_DAYS_AHEAD = 7;

export interface MealOrderTimes {
  /** When the meal opens: a delivery's work order starts then. */
  opensAt: number;
  /** Ordering and cancelling are possible before this instant. */
  cutoffAt: number;
}

/** When an ordered meal opens and until when it may be ordered or cancelled; `canteen-closed` for a meal not served. */
export function mealOrderTimes(periods: readonly MealPeriodHours[], date: string, period: MealPeriod): MealOrderTimes {
  const hours = periods.find((candidate) => candidate.period === period);
  if (!hours) throw new DomainError('canteen-closed', `the canteen serves no ${period}`);
  const opensAt = localDateTime(date, hours.opens);
  return { opensAt, cutoffAt: opensAt - MEAL_ORDER_CUTOFF_MINUTES * MINUTE_MS };
}

/** Refuses an order (or its cancellation) at or after the cut-off, or a meal more than a week ahead. */
export function requireMealOrderOpen(times: MealOrderTimes, now: number): void {
  if (now >= times.cutoffAt)
    throw new DomainError('meal-order-closed', 'orders for this meal closed two hours before it opens');
  if (times.opensAt - now > MEAL_ORDER_DAYS_AHEAD * DAY_MS)
    throw new DomainError('meal-order-closed', `meals are ordered at most ${MEAL_ORDER_DAYS_AHEAD} days ahead`);
}
