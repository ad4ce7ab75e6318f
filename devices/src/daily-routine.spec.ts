import { planDailyRoutine } from './daily-routine';
import { CHINA_UTC_OFFSET_MINUTES, DAY_MS, MINUTE_MS, localMinuteOfDay } from './local-time';

const MIDNIGHT = Date.parse('2025-11-23T00:00:00+08:00');
const CASES = ['elder-0001', 'elder-0002', 'elder-0003', 'elder-0004'].flatMap((seed) =>
  [0, 1, 2, 3, 4, 5, 6].map((day) => ({ seed, day })),
);
const clock = (atMs: number) => localMinuteOfDay(atMs, CHINA_UTC_OFFSET_MINUTES);

describe('planDailyRoutine', () => {
  describe.each(CASES)('for $seed on day $day', ({ seed, day }) => {
    const dayStartMs = MIDNIGHT + day * DAY_MS;
    const sut = planDailyRoutine(seed, dayStartMs);

    it('gets up between 06:00 and 07:00 and goes to bed between 21:15 and 22:00', () => {
      expect(clock(sut.wakeMs)).toBeGreaterThanOrEqual(360);
      expect(clock(sut.wakeMs)).toBeLessThanOrEqual(420);
      expect(clock(sut.bedMs)).toBeGreaterThanOrEqual(1275);
      expect(clock(sut.bedMs)).toBeLessThanOrEqual(1320);
    });

    it('does things in the order of a day', () => {
      const order = [
        sut.wakeMs,
        sut.morningWash.startMs,
        sut.morningWash.endMs,
        sut.watchOnMs,
        sut.meals.breakfast.startMs,
        sut.meals.breakfast.endMs,
        sut.meals.lunch.startMs,
        sut.meals.lunch.endMs,
        sut.meals.dinner.startMs,
        sut.meals.dinner.endMs,
        sut.watchOffMs,
        sut.eveningWash.startMs,
        sut.eveningWash.endMs,
        sut.bedMs,
      ];
      expect(order).toEqual([...order].sort((a, b) => a - b));
    });

    it('walks away from meals, and never needs the toilet while out', () => {
      const meals = Object.values(sut.meals);
      for (const walk of sut.walks) {
        expect(walk.endMs - walk.startMs).toBeGreaterThanOrEqual(20 * MINUTE_MS);
        // Cooking starts up to 20 minutes before a meal and the dishes end up to 17 minutes after it.
        meals.forEach((meal) =>
          expect(walk.endMs <= meal.startMs - 20 * MINUTE_MS || walk.startMs >= meal.endMs + 17 * MINUTE_MS).toBe(true),
        );
        sut.toiletVisitsMs.forEach((visitMs) =>
          expect(visitMs < walk.startMs - 5 * MINUTE_MS || visitMs >= walk.endMs).toBe(true),
        );
      }
    });

    it('visits the toilet between waking and bedtime, in time order', () => {
      expect(sut.toiletVisitsMs.length).toBeGreaterThanOrEqual(2);
      expect([...sut.toiletVisitsMs].sort((a, b) => a - b)).toEqual(sut.toiletVisitsMs);
      sut.toiletVisitsMs.forEach((visitMs) => {
        expect(visitMs).toBeGreaterThan(sut.wakeMs);
        expect(visitMs).toBeLessThan(sut.bedMs);
      });
    });

    it('is the same routine when planned again', () => {
      expect(planDailyRoutine(seed, dayStartMs)).toEqual(sut);
    });
  });

  it('differs from day to day and from elder to elder', () => {
    const monday = planDailyRoutine('elder-0001', MIDNIGHT);
    expect(planDailyRoutine('elder-0001', MIDNIGHT + DAY_MS).wakeMs - DAY_MS).not.toBe(monday.wakeMs);
    expect(planDailyRoutine('elder-0002', MIDNIGHT).wakeMs).not.toBe(monday.wakeMs);
  });
});
