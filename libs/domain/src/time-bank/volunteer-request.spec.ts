import { DomainError } from '../errors/domain-error';
import { HOUR_MS, MINUTE_MS } from '../time/durations';
import {
  isAbandoned,
  nextVolunteerRequestStatus,
  requireSpendingAge,
  servedMinutes,
  VOLUNTEER_REQUEST_STATUSES,
  type VolunteerRequestAction,
} from './volunteer-request';
import { requireApprovable } from './volunteer-approval';

const codeOf = (work: () => unknown): string | undefined => {
  try {
    work();
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.code : String(error);
  }
};

describe('a volunteer request’s life', () => {
  it('runs from open to confirmed through a visit', () => {
    const steps: VolunteerRequestAction[] = ['take', 'check-in', 'check-out', 'confirm'];
    expect(steps.reduce(nextVolunteerRequestStatus, 'open' as const)).toBe('confirmed');
  });

  it('goes to staff when disputed, who uphold it or reject it', () => {
    expect(nextVolunteerRequestStatus(nextVolunteerRequestStatus('checked-out', 'dispute'), 'uphold')).toBe(
      'confirmed',
    );
    expect(nextVolunteerRequestStatus('disputed', 'reject')).toBe('rejected');
  });

  it.each([
    ['confirmed', 'confirm'],
    ['open', 'check-in'],
    ['checked-in', 'cancel'],
    ['abandoned', 'take'],
    ['confirmed', 'reject'],
  ] as const)('refuses a %s request to %s', (status, action) => {
    expect(codeOf(() => nextVolunteerRequestStatus(status, action))).toBe('volunteer-request-transition-illegal');
  });

  it('closes as abandoned only an open or taken request whose wait has passed', () => {
    const startsAt = Date.UTC(2026, 0, 1, 2);
    expect(isAbandoned({ status: 'open', startsAt }, startsAt + 48 * HOUR_MS)).toBe(true);
    expect(isAbandoned({ status: 'taken', startsAt }, startsAt + 48 * HOUR_MS - 1)).toBe(false);
    expect(isAbandoned({ status: 'taken', startsAt }, startsAt + 2 * HOUR_MS, 2)).toBe(true);
    const notWaiting = VOLUNTEER_REQUEST_STATUSES.filter((status) => status !== 'open' && status !== 'taken');
    expect(notWaiting.filter((status) => isAbandoned({ status, startsAt }, startsAt + 1000 * HOUR_MS))).toEqual([]);
  });

  it('earns the minutes served, whole, never more than asked', () => {
    const checkedInAt = Date.UTC(2026, 0, 1, 2);
    expect(servedMinutes({ checkedInAt, checkedOutAt: checkedInAt + 59.9 * MINUTE_MS, askedMinutes: 60 })).toBe(59);
    expect(servedMinutes({ checkedInAt, checkedOutAt: checkedInAt + 3 * HOUR_MS, askedMinutes: 60 })).toBe(60);
    expect(servedMinutes({ checkedInAt, checkedOutAt: checkedInAt - MINUTE_MS, askedMinutes: 60 })).toBe(0);
  });

  it('lets a volunteer spend their own coins from 60', () => {
    const at = Date.UTC(2026, 5, 1);
    expect(codeOf(() => requireSpendingAge('1966-05-31', at))).toBeUndefined();
    expect(codeOf(() => requireSpendingAge('1966-06-30', at))).toBe('time-coins-not-spendable');
  });
});

describe('approving a volunteer', () => {
  const at = Date.UTC(2026, 5, 1);
  const ready = { birthDate: '1990-01-01', idCheckedAt: at, trainedOn: '2026-05-01', approvedAt: null };

  it('approves a trained adult whose ID was checked', () => {
    expect(codeOf(() => requireApprovable(ready, at))).toBeUndefined();
  });

  it('says everything that is missing', () => {
    expect(() =>
      requireApprovable({ ...ready, birthDate: '2010-01-01', idCheckedAt: null, trainedOn: null }, at),
    ).toThrow('the volunteer is under 18, has no ID check by community staff, has no training date');
    expect(codeOf(() => requireApprovable({ ...ready, approvedAt: at }, at))).toBe('volunteer-not-approvable');
  });
});
