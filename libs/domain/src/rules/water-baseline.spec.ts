import { HOUR_MS, WEEK_MS } from '../time/durations';
import type { Absence } from './absence';
import { mergeRuleSettings } from './rule-settings';
import { localAt } from './rule-test-kit.fixture';
import {
  checkWaterBaseline,
  enoughHistory,
  learnWaterBaseline,
  waterUseProbability,
  type HourOfWaterUse,
  type WaterBaseline,
} from './water-baseline';
import { generateWaterHours, seededRandom, SHOWER_AND_MEALS } from './water-history.fixture';

const settings = mergeRuleSettings({});
const HOURS_PER_WEEK = WEEK_MS / HOUR_MS;

/** `weeks` weeks of the regular elder's history, ending at the Monday of week 6 (day 42). */
function history(weeks: number, seed = 20251124): HourOfWaterUse[] {
  const from = localAt(42, 0) - weeks * WEEK_MS;
  return generateWaterHours(from, weeks * HOURS_PER_WEEK, SHOWER_AND_MEALS, seededRandom(seed));
}

/** The elder's hours from Sunday noon (day 41) up to `until`, used only in `usedHours` (hours on day 42, or day 41 as negatives). */
function recent(until: number, usedHours: number[]): HourOfWaterUse[] {
  const from = localAt(41, 12);
  const used = new Set(usedHours.map((hour) => localAt(42, 0) + hour * HOUR_MS));
  const hours: HourOfWaterUse[] = [];
  for (let hourStart = from; hourStart < until; hourStart += HOUR_MS)
    hours.push({ hourStart, used: used.has(hourStart) });
  return hours;
}

// Sunday: lunch at 12:00, cooking 16:00 to 18:00, nothing after 19:00.
const SUNDAY_USE = [-12, -8, -7, -6];

describe('learnWaterBaseline', () => {
  const sut = learnWaterBaseline;

  it('learns the habit per hour of the week, smoothed so that no hour is certain', () => {
    const baseline = sut(history(6), []);

    expect(baseline.weeks).toBe(6);
    for (const hour of [6, 7, 8, 11, 17])
      expect(waterUseProbability(baseline, localAt(2, hour))).toBeCloseTo(6.25 / 6.5, 9);
    expect(waterUseProbability(baseline, localAt(2, 3))).toBeLessThan(0.2);
    expect(waterUseProbability(baseline, localAt(2, 14))).toBeLessThan(0.9);
  });

  it('knows nothing of an hour it never saw: even odds', () => {
    expect(waterUseProbability(sut([], []), localAt(0, 7))).toBe(0.5);
  });

  it('leaves out the hours of an absence', () => {
    const away: Absence = { from: localAt(42, 0) - 2 * WEEK_MS, until: localAt(42, 0) - WEEK_MS, reason: 'away' };

    const baseline = sut(history(6), [away]);

    expect(baseline.weeks).toBe(5);
    expect(baseline.slots.every((slot) => slot.observed === 5)).toBe(true);
  });

  it('gives a 168-slot baseline that reads back equal from JSON', () => {
    const baseline = sut(history(3), []);

    expect(baseline.slots).toHaveLength(168);
    expect(JSON.parse(JSON.stringify(baseline))).toEqual(baseline);
  });
});

describe('enoughHistory', () => {
  it.each([
    [1, false],
    [2, false],
    [3, true],
    [8, true],
  ])('%i weeks are enough: %p', (weeks, enough) => {
    expect(enoughHistory(learnWaterBaseline(history(weeks), []), settings)).toBe(enough);
  });
});

describe('checkWaterBaseline', () => {
  const sut = checkWaterBaseline;
  const baseline: WaterBaseline = learnWaterBaseline(history(6), []);
  const monday = (hour: number, minute = 0) => localAt(42, hour) + minute * 60_000;

  it('raises a check-on when the elder used no water through three normal-use hours', () => {
    const now = monday(9, 5);

    expect(sut(baseline, recent(now, SUNDAY_USE), now, settings, [])).toEqual({
      type: 'raise',
      rule: 'water-baseline',
      severity: 'check-on',
      occurredAt: monday(9),
      evidence: {
        hours: [
          { hourStart: monday(6), probability: 0.962 },
          { hourStart: monday(7), probability: 0.962 },
          { hourStart: monday(8), probability: 0.962 },
        ],
        weeksOfHistory: 6,
      },
      triggerId: `water-baseline:${monday(6)}`,
    });
  });

  it.each<[string, number, number[], Absence[]]>([
    ['the morning went as usual', monday(9, 5), [...SUNDAY_USE, 6, 7, 8], []],
    ['water was used in the last normal hour', monday(9, 5), [...SUNDAY_USE, 8], []],
    ['only two normal-use hours have passed', monday(8, 59), SUNDAY_USE, []],
    ['the quiet hours are the night, normally quiet', monday(5, 30), SUNDAY_USE, []],
    ['the quiet hours are an afternoon of occasional use', monday(16, 5), [...SUNDAY_USE, 6, 7, 8, 10, 11, 12], []],
    ['the normal-use hours are not in a row (08, then 10 and 11)', monday(12, 5), [...SUNDAY_USE, 6, 7], []],
    [
      'the elder is in hospital',
      monday(9, 5),
      SUNDAY_USE,
      [{ from: monday(7, 30), until: localAt(45, 0), reason: 'hospital' }],
    ],
  ])('raises nothing when %s', (_case, now, used, absences) => {
    expect(sut(baseline, recent(now, used), now, settings, absences)).toBeNull();
  });

  it('raises at 09:00 sharp, when the third hour is complete', () => {
    expect(sut(baseline, recent(monday(9), SUNDAY_USE), monday(9), settings, [])).not.toBeNull();
  });

  it('does not guess about hours the meter did not report', () => {
    const now = monday(9, 5);
    const withGap = recent(now, SUNDAY_USE).filter((hour) => hour.hourStart !== monday(7));

    expect(sut(baseline, withGap, now, settings, [])).toBeNull();
  });

  it('says nothing on a week of history, however quiet the morning', () => {
    const now = monday(9, 5);

    expect(sut(learnWaterBaseline(history(1), []), recent(now, SUNDAY_USE), now, settings, [])).toBeNull();
  });

  it('gives the same trigger while the same window lasts, and a new one for the next missed window', () => {
    const trigger = (now: number) => sut(baseline, recent(now, SUNDAY_USE), now, settings, [])?.triggerId;

    expect([monday(9, 5), monday(10, 5), monday(12, 5), monday(13, 5)].map(trigger)).toEqual([
      `water-baseline:${monday(6)}`,
      `water-baseline:${monday(6)}`,
      `water-baseline:${monday(6)}`,
      `water-baseline:${monday(10)}`,
    ]);
  });

  it("follows the elder's own window length and probability", () => {
    const now = monday(8, 5);
    const own = mergeRuleSettings({ waterBaseline: { minQuietHours: 2, minProbability: 0.95 } });

    expect(sut(baseline, recent(now, SUNDAY_USE), now, own, [])?.evidence).toEqual({
      hours: [
        { hourStart: monday(6), probability: 0.962 },
        { hourStart: monday(7), probability: 0.962 },
      ],
      weeksOfHistory: 6,
    });
  });
});
