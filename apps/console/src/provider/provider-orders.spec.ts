import type { WorkOrderView } from '@eldercare/contracts';
import { byCaregiver, byStatus, mayAssign, mayResolve, withOpenException } from './provider-orders';

const order = (id: string, status: WorkOrderView['status'], startsAt: string, caregiverId: string | null = null) =>
  ({
    id,
    seq: id,
    status,
    startsAt,
    caregiver: caregiverId ? { id: caregiverId, displayName: caregiverId } : null,
  }) as WorkOrderView;

describe('byStatus', () => {
  it('puts orders needing someone first and keeps each group in time order', () => {
    const orders = [
      order('a', 'checked-out', '2026-03-08T01:00:00Z'),
      order('b', 'created', '2026-03-08T03:00:00Z'),
      order('c', 'created', '2026-03-08T02:00:00Z'),
    ];
    expect(byStatus(orders).map((group) => [group.status, group.orders.map((o) => o.id)])).toEqual([
      ['created', ['c', 'b']],
      ['checked-out', ['a']],
    ]);
  });
});

describe('byCaregiver', () => {
  it('lists every caregiver, with their live orders in time order', () => {
    const orders = [
      order('a', 'accepted', '2026-03-08T05:00:00Z', 'li'),
      order('b', 'assigned', '2026-03-08T01:00:00Z', 'li'),
      order('c', 'cancelled', '2026-03-08T02:00:00Z', 'li'),
    ];
    const days = byCaregiver(orders, [
      { id: 'li', displayName: '李' },
      { id: 'wang', displayName: '王' },
    ]);
    expect(days.map((day) => [day.caregiver.id, day.orders.map((o) => o.id)])).toEqual([
      ['li', ['b', 'a']],
      ['wang', []],
    ]);
  });
});

describe('mayAssign', () => {
  it.each([
    ['created', true],
    ['assigned', true],
    ['accepted', false],
    ['checked-out', false],
  ] as const)('%p: %p', (status, answer) => {
    expect(mayAssign(order('a', status, '2026-03-08T00:00:00Z'))).toBe(answer);
  });
});

describe('visits with open exceptions', () => {
  const withExceptions = (
    id: string,
    status: WorkOrderView['status'],
    startsAt: string,
    state: WorkOrderView['exceptions']['state'],
  ) => ({ ...order(id, status, startsAt), exceptions: { reasons: ['short-visit'], state } }) as WorkOrderView;

  it('takes in a visit that gains an exception, in time order, and lets go of one that is decided', () => {
    const early = withExceptions('a', 'checked-out', '2026-03-08T01:00:00Z', 'open');
    const later = withExceptions('b', 'checked-in', '2026-03-09T01:00:00Z', 'open');
    const list = withOpenException([later], early);
    expect(list.map((o) => o.id)).toEqual(['a', 'b']);
    expect(
      withOpenException(list, { ...early, exceptions: { ...early.exceptions, state: 'approved' } }).map((o) => o.id),
    ).toEqual(['b']);
  });

  it('is decided once the visit is checked out, while its exceptions are open', () => {
    expect(mayResolve(withExceptions('a', 'checked-out', '2026-03-08T01:00:00Z', 'open'))).toBe(true);
    expect(mayResolve(withExceptions('a', 'checked-in', '2026-03-08T01:00:00Z', 'open'))).toBe(false);
    expect(mayResolve(withExceptions('a', 'checked-out', '2026-03-08T01:00:00Z', 'rejected'))).toBe(false);
  });
});
