import { ageOn } from './elder-age';

const ADVANCED_AGE_YEARS = 80;

/**
 * The categories to keep on an elder's record: those a person chose, with 高龄 (`advanced_age`) set by the birth
 * date on the day of writing rather than by hand, as 80 and over is a matter of age, not of choice. Order is kept;
 * `advanced_age` comes last when added.
 */
export function categoriesOnRecord(chosen: readonly string[], birthDate: string, now: number): string[] {
  const others = chosen.filter((category) => category !== 'advanced_age');
  return ageOn(birthDate, now) >= ADVANCED_AGE_YEARS ? [...others, 'advanced_age'] : others;
}
