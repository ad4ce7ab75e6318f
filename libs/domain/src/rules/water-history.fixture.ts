import { HOUR_MS } from '../time/durations';
import { localHour } from '../time/local-time';
import type { HourOfWaterUse } from './water-baseline';

/** A small seeded generator (mulberry32): the same seed gives the same weeks on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** How likely an elder uses water in each local hour of the day. */
export type Habit = (hour: number) => number;

/**
 * An elder of regular habits: always uses water 06–09 (up, washes, showers at 07:00), 10–13 (cooks at 11:00) and
 * 16–19 (cooks at 17:00); now and then through the rest of the day; hardly ever at night.
 */
export const SHOWER_AND_MEALS: Habit = (hour) => {
  if ([6, 7, 8, 10, 11, 12, 16, 17, 18].includes(hour)) return 1;
  return hour >= 6 && hour < 22 ? 0.3 : 0.02;
};

/** `hours` consecutive hours from `from`, each used or not as the habit and the generator say. */
export function generateWaterHours(from: number, hours: number, habit: Habit, random: () => number): HourOfWaterUse[] {
  return Array.from({ length: hours }, (_, index) => {
    const hourStart = from + index * HOUR_MS;
    return { hourStart, used: random() < habit(localHour(hourStart)) };
  });
}
