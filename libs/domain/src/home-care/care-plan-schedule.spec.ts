import type { EntitlementRule } from './entitlements';
import { checkPlanLine, planExcesses, visitsOf, type CarePlanLine } from './care-plan-schedule';

/** Extreme poverty: 30 delivered meals a month. */
const MEALS_FOR_EXTREME_POVERTY: EntitlementRule[] = [
  { category: 'extreme_poverty', service: 'meal-delivery', perMonth: 30 },
];

const line = (overrides: Partial<CarePlanLine>): CarePlanLine => ({
  id: 'line-1',
  service: 'meal-delivery',
  providerId: 'provider-1',
  weekdays: [1, 2, 3, 4, 5, 6, 7],
  times: ['11:30'],
  startsOn: '2026-11-01',
  endsOn: null,
  ...overrides,
});

describe('care plan schedule', () => {
  it('puts a daily meal at 11:30 Shanghai time on every day, 03:30 UTC', () => {
    const sut = visitsOf(line({}), '2026-11-28', '2026-12-02');
    expect(sut.map((visit) => visit.date)).toEqual([
      '2026-11-28',
      '2026-11-29',
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
    ]);
    expect(new Date(sut[0].startsAt).toISOString()).toBe('2026-11-28T03:30:00.000Z');
    expect(sut[0]).toMatchObject({ key: 'line-1/2026-11-28/11:30', quantity: 1, minutes: 15 });
  });

  it('puts a visit every Tuesday only on Tuesdays, across the turn of the year', () => {
    const sut = visitsOf(
      line({ service: 'scheduled-visit', weekdays: [2], times: ['09:00'] }),
      '2026-12-20',
      '2027-01-10',
    );
    expect(sut.map((visit) => visit.date)).toEqual(['2026-12-22', '2026-12-29', '2027-01-05']);
  });

  it('puts a bath twice a week on its two days, and each of several times a day in time order', () => {
    expect(
      visitsOf(line({ service: 'bathing', weekdays: [1, 4], times: ['15:00'] }), '2026-11-23', '2026-11-29').map(
        (visit) => visit.date,
      ),
    ).toEqual(['2026-11-23', '2026-11-26']);
    expect(
      visitsOf(line({ times: ['17:30', '11:30'] }), '2026-11-23', '2026-11-23').map((visit) => visit.time),
    ).toEqual(['11:30', '17:30']);
  });

  it('keeps to the plan’s start and end dates', () => {
    const sut = visitsOf(line({ startsOn: '2026-11-25', endsOn: '2026-11-27' }), '2026-11-01', '2026-11-30');
    expect(sut.map((visit) => visit.date)).toEqual(['2026-11-25', '2026-11-26', '2026-11-27']);
  });

  it('gives the same keys however often and over whatever window it is asked, so orders are made once', () => {
    const once = visitsOf(line({}), '2026-11-01', '2026-11-30').map((visit) => visit.key);
    const inTwoGoes = [
      ...visitsOf(line({}), '2026-11-01', '2026-11-15'),
      ...visitsOf(line({}), '2026-11-16', '2026-11-30'),
    ].map((visit) => visit.key);
    expect(inTwoGoes).toEqual(once);
  });

  it('counts an hour-based service in hours of the visit', () => {
    expect(visitsOf(line({ service: 'personal-care', minutes: 90 }), '2026-11-23', '2026-11-23')[0].quantity).toBe(1.5);
  });

  it.each<[string, Partial<CarePlanLine>, string]>([
    ['a weekday 8', { weekdays: [8] }, 'weekdays'],
    ['no time', { times: [] }, 'times'],
    ['a time of 24:00', { times: ['24:00'] }, 'times'],
    ['an end before the start', { startsOn: '2026-12-01', endsOn: '2026-11-01' }, 'ends before'],
    ['an unknown service', { service: 'massage' as never }, 'unknown service'],
  ])('refuses a plan line with %s', (_case, overrides, message) => {
    expect(() => checkPlanLine(line(overrides))).toThrow(
      expect.objectContaining({ code: 'care-plan-invalid', message: expect.stringContaining(message) }),
    );
  });

  it('finds where a plan asks for more than the elder is owed, month by month', () => {
    // A meal every day overruns in the 31-day months.
    const excesses = planExcesses([line({})], ['extreme_poverty'], MEALS_FOR_EXTREME_POVERTY, '2026-11-01', 3);
    expect(excesses).toEqual([
      { month: '2026-12', service: 'meal-delivery', planned: 31, owed: 30 },
      { month: '2027-01', service: 'meal-delivery', planned: 31, owed: 30 },
    ]);
    expect(
      planExcesses(
        [line({ weekdays: [1, 2, 3, 4, 5] })],
        ['extreme_poverty'],
        MEALS_FOR_EXTREME_POVERTY,
        '2026-11-01',
        3,
      ),
    ).toEqual([]);
    expect(planExcesses([line({ weekdays: [1] })], ['empty_nest'], MEALS_FOR_EXTREME_POVERTY, '2026-11-01', 1)).toEqual(
      [{ month: '2026-11', service: 'meal-delivery', planned: 5, owed: 0 }],
    );
  });
});
