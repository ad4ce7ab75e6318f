import {
  checkInWindow,
  isVisitDelivered,
  minimumVisitMinutes,
  requireOpenVisitExceptions,
  visitExceptions,
  visitExceptionState,
  type VisitExceptionReason,
  type VisitRecord,
} from './visit-exceptions';
import { isVisitMissed } from './work-order';

const MINUTE = 60_000;
const startsAt = Date.parse('2026-11-23T09:00:00+08:00');
/** A one-hour personal-care visit due at 09:00, checked in at 09:00 and out at 10:00, at the door. */
const onTime: VisitRecord = {
  service: 'personal-care',
  startsAt,
  minutes: 60,
  checkedInAt: startsAt,
  checkedOutAt: startsAt + 60 * MINUTE,
  farFromHome: false,
};

describe('visit exceptions', () => {
  const cases: [string, Partial<VisitRecord>, VisitExceptionReason[]][] = [
    ['a visit on time and long enough', {}, []],
    ['a check-in 30 minutes early', { checkedInAt: startsAt - 30 * MINUTE }, []],
    ['a check-in 31 minutes early', { checkedInAt: startsAt - 31 * MINUTE }, ['early-check-in']],
    ['a check-in 29 minutes late', { checkedInAt: startsAt + 29 * MINUTE, checkedOutAt: startsAt + 89 * MINUTE }, []],
    [
      'a check-in 30 minutes late, when the sweep calls it missed',
      { checkedInAt: startsAt + 30 * MINUTE, checkedOutAt: startsAt + 90 * MINUTE },
      ['late-check-in'],
    ],
    ['45 of 60 hourly minutes', { checkedOutAt: startsAt + 45 * MINUTE }, []],
    ['44 of 60 hourly minutes', { checkedOutAt: startsAt + 44 * MINUTE }, ['short-visit']],
    ['a bath of 15 minutes', { service: 'bathing', checkedOutAt: startsAt + 15 * MINUTE }, []],
    ['a bath of 14 minutes', { service: 'bathing', checkedOutAt: startsAt + 14 * MINUTE }, ['short-visit']],
    [
      'a meal handed over in 3 minutes',
      { service: 'meal-delivery', minutes: 15, checkedOutAt: startsAt + 3 * MINUTE },
      [],
    ],
    [
      'a meal dropped in 2 minutes',
      { service: 'meal-delivery', minutes: 15, checkedOutAt: startsAt + 2 * MINUTE },
      ['short-visit'],
    ],
    ['a visit still under way is not short yet', { checkedOutAt: null }, []],
    ['a check-in or out far from the home', { farFromHome: true }, ['far-from-home']],
    [
      'the visit that never happened: due tomorrow, checked in 20 hours early and out 16 ms later',
      {
        startsAt: Date.parse('2026-11-24T09:00:00+08:00'),
        checkedInAt: Date.parse('2026-11-23T13:00:00+08:00'),
        checkedOutAt: Date.parse('2026-11-23T13:00:00+08:00') + 16,
      },
      ['early-check-in', 'short-visit'],
    ],
    [
      'everything at once, in a stable order',
      {
        checkedInAt: startsAt - 2 * 60 * MINUTE,
        checkedOutAt: startsAt - 2 * 60 * MINUTE + 5 * MINUTE,
        farFromHome: true,
      },
      ['early-check-in', 'short-visit', 'far-from-home'],
    ],
  ];
  it.each(cases)('%s', (_, change, expected) => {
    expect(visitExceptions({ ...onTime, ...change })).toEqual(expected);
  });

  it('closes the check-in window at the very instant the sweep calls the visit missed', () => {
    const { opensAt, closesAt } = checkInWindow(startsAt);
    expect(opensAt).toBe(startsAt - 30 * MINUTE);
    expect(isVisitMissed({ status: 'accepted', startsAt }, closesAt - 1)).toBe(false);
    expect(isVisitMissed({ status: 'accepted', startsAt }, closesAt)).toBe(true);
  });

  it.each([
    ['personal-care', 60, 45],
    ['cleaning', 120, 90],
    ['medical-escort', 180, 135],
    ['bathing', 60, 15],
    ['look-in', 20, 15],
    ['look-in', 10, 10],
    ['meal-delivery', 15, 3],
  ] as const)('asks %s planned for %i minutes to last at least %i', (service, planned, least) => {
    expect(minimumVisitMinutes(service, planned)).toBe(least);
  });
});

describe('a visit with exceptions', () => {
  it.each([
    ['checked-out', [], null, 'none', true],
    ['checked-out', ['short-visit'], null, 'open', false],
    ['checked-out', ['short-visit'], 'approved', 'approved', true],
    ['checked-out', ['early-check-in', 'short-visit'], 'rejected', 'rejected', false],
    ['checked-in', [], null, 'none', false],
    ['missed', [], null, 'none', false],
  ] as const)('%s with %j resolved %s is %s, delivered: %s', (status, exceptions, resolution, state, delivered) => {
    expect(visitExceptionState({ exceptions, resolution })).toBe(state);
    expect(isVisitDelivered({ status, exceptions, resolution })).toBe(delivered);
  });

  it('is resolved once, after check-out, and only with something to resolve', () => {
    expect(() =>
      requireOpenVisitExceptions({ status: 'checked-out', exceptions: ['short-visit'], resolution: null }),
    ).not.toThrow();
    for (const order of [
      { status: 'checked-in', exceptions: ['early-check-in'], resolution: null },
      { status: 'checked-out', exceptions: [], resolution: null },
      { status: 'checked-out', exceptions: ['short-visit'], resolution: 'approved' },
    ] as const)
      expect(() => requireOpenVisitExceptions(order)).toThrow(
        expect.objectContaining({ code: 'visit-exception-not-open' }),
      );
  });
});
