import type { WorkOrderView } from '@eldercare/contracts';
import { byCaregiver, byStatus, mayAssign } from './provider-orders';

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
