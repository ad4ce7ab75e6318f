import { localAt, MONDAY } from '../rules/rule-test-kit.fixture';
import { HOUR_MS } from './durations';
import {
  addLocalHoursTime,
  isWithinLocalHours,
  localDayStart,
  localHour,
  localHourOfWeek,
  nextLocalHoursStart,
} from './local-time';

const waking = { fromHour: 6, toHour: 22 };
const daytime = { fromHour: 7, toHour: 21 };

describe('local time (Asia/Shanghai, UTC+8)', () => {
  it.each([
    ['local midnight is hour 0', localAt(0, 0), 0],
    ['UTC midnight is 08:00 local', Date.UTC(2025, 10, 24), 8],
    ['one millisecond before local midnight is hour 23', localAt(1, 0) - 1, 23],
    ['UTC 16:00 is hour 0 of the next local day', Date.UTC(2025, 10, 24, 16), 0],
  ])('%s', (_case, at, hour) => {
    expect(localHour(at)).toBe(hour);
  });

  it('starts the local day at 16:00 UTC of the day before', () => {
    const sut = localDayStart(localAt(2, 13, 45));

    expect(sut).toBe(localAt(2, 0));
    expect(new Date(sut).toISOString()).toBe('2025-11-25T16:00:00.000Z');
  });

  it.each([
    ['Monday 00:00 is hour 0 of the week', localAt(0, 0), 0],
    ['Monday 07:00 is hour 7', localAt(0, 7), 7],
    ['Wednesday 11:30 is hour 59', localAt(2, 11, 30), 59],
    ['Sunday 23:59 is hour 167', localAt(6, 23, 59), 167],
    ['the next Monday 00:00 is hour 0 again', localAt(7, 0), 0],
    ['the epoch, a Thursday 08:00 local, is hour 80', 0, 3 * 24 + 8],
    ['the Sunday before the epoch, 08:00 local, is hour 152', -4 * 24 * HOUR_MS, 6 * 24 + 8],
  ])('%s', (_case, at, hour) => {
    expect(localHourOfWeek(at)).toBe(hour);
  });

  it.each([
    ['05:59:59', false, localAt(0, 5, 59, 59)],
    ['06:00:00', true, localAt(0, 6)],
    ['21:59:59', true, localAt(0, 21, 59, 59)],
    ['22:00:00', false, localAt(0, 22)],
  ])('waking hours 06–22 include %s: %p', (_time, within, at) => {
    expect(isWithinLocalHours(at, waking)).toBe(within);
  });

  it.each([
    ['inside the window', localAt(0, 10), localAt(0, 10)],
    ['before it opens', localAt(0, 3), localAt(0, 6)],
    ['after it closes', localAt(0, 22, 30), localAt(1, 6)],
    ['exactly at closing', localAt(0, 22), localAt(1, 6)],
  ])('finds the next waking moment %s', (_case, at, expected) => {
    expect(nextLocalHoursStart(at, waking)).toBe(expected);
  });

  it.each([
    ['within one day', localAt(0, 9), 4, localAt(0, 13)],
    ['ending exactly at closing', localAt(0, 17), 4, localAt(0, 21)],
    ['across the night', localAt(0, 19), 4, localAt(1, 9)],
    ['starting at night', localAt(0, 21, 30), 4, localAt(1, 11)],
    ['starting before the window opens', localAt(1, 5), 4, localAt(1, 11)],
    ['longer than a day window', localAt(0, 7), 20, localAt(1, 13)],
  ])('counts daytime hours only: %s', (_case, start, hours, expected) => {
    expect(addLocalHoursTime(start, hours * HOUR_MS, daytime)).toBe(expected);
  });

  it('adds plainly through a window open all day', () => {
    expect(addLocalHoursTime(MONDAY + 5, 30 * HOUR_MS, { fromHour: 0, toHour: 24 })).toBe(MONDAY + 5 + 30 * HOUR_MS);
  });
});
