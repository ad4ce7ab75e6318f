import type { CareCallDue, CareCallRecord } from '@eldercare/contracts';
import { centreDate, dayKind, dueInOrder, madeNewestFirst, shiftDate } from './care-call-day';

const due = (name: string, retry: boolean, lastReached: string | null): CareCallDue => ({
  elder: {
    id: name,
    name,
    age: 80,
    categories: ['living_alone'],
    phone: '13800000000',
    place: { community: '公园社区', street: '公园街道' },
  },
  because: 'living_alone',
  everyDays: 3,
  lastReached,
  retry,
});

describe('centreDate', () => {
  it('counts the day on the centre’s clock', () => {
    expect(centreDate(Date.parse('2026-11-22T16:30:00Z'))).toBe('2026-11-23');
    expect(centreDate(Date.parse('2026-11-22T15:59:59Z'))).toBe('2026-11-22');
  });
});

describe('dayKind', () => {
  it.each([
    ['2026-11-23', 'today'],
    ['2026-11-22', 'past'],
    ['2026-11-24', 'future'],
  ] as const)('%p is %p', (date, kind) => {
    expect(dayKind(date, '2026-11-23')).toBe(kind);
  });
});

describe('shiftDate', () => {
  it('steps over month and year ends', () => {
    expect(shiftDate('2026-11-30', 1)).toBe('2026-12-01');
    expect(shiftDate('2027-01-01', -1)).toBe('2026-12-31');
  });

  it('leaves what is not a date', () => {
    expect(shiftDate('', 1)).toBe('');
  });
});

describe('dueInOrder', () => {
  it('puts retries first, then the never reached, then the longest since reached', () => {
    const sut = dueInOrder([
      due('recent', false, '2026-11-20T10:00:00+08:00'),
      due('never', false, null),
      due('oldest', false, '2026-11-09T10:00:00+08:00'),
      due('retry', true, '2026-11-21T10:00:00+08:00'),
    ]);
    expect(sut.map((entry) => entry.elder.name)).toEqual(['retry', 'never', 'oldest', 'recent']);
  });
});

describe('madeNewestFirst', () => {
  it('sorts the calls made by time, newest first', () => {
    const call = (id: string, at: string) => ({ id, at }) as CareCallRecord;
    expect(
      madeNewestFirst([call('a', '2026-11-23T09:00:00+08:00'), call('b', '2026-11-23T11:00:00+08:00')]).map(
        (made) => made.id,
      ),
    ).toEqual(['b', 'a']);
  });
});
