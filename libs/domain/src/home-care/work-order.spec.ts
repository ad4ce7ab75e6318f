import {
  isVisitMissed,
  missedVisitSeverity,
  nextWorkOrderStatus,
  WORK_ORDER_STATUSES,
  type WorkOrderAction,
  type WorkOrderStatus,
} from './work-order';

const LEGAL: [WorkOrderStatus, WorkOrderAction, WorkOrderStatus][] = [
  ['created', 'assign', 'assigned'],
  ['assigned', 'assign', 'assigned'],
  ['assigned', 'accept', 'accepted'],
  ['accepted', 'accept', 'accepted'],
  ['accepted', 'check-in', 'checked-in'],
  ['checked-in', 'check-out', 'checked-out'],
  ['created', 'miss', 'missed'],
  ['assigned', 'miss', 'missed'],
  ['accepted', 'miss', 'missed'],
  ['created', 'cancel', 'cancelled'],
  ['assigned', 'cancel', 'cancelled'],
  ['accepted', 'cancel', 'cancelled'],
];
const ACTIONS: WorkOrderAction[] = ['assign', 'accept', 'check-in', 'check-out', 'miss', 'cancel'];

describe('work order life cycle', () => {
  it.each(LEGAL)('%s --%s--> %s', (from, action, to) => {
    expect(nextWorkOrderStatus(from, action)).toBe(to);
  });

  const illegal = WORK_ORDER_STATUSES.flatMap((from) =>
    ACTIONS.filter((action) => !LEGAL.some(([f, a]) => f === from && a === action)).map(
      (action) => [from, action] as const,
    ),
  );
  it.each(illegal)('refuses %s --%s-->', (from, action) => {
    expect(() => nextWorkOrderStatus(from, action)).toThrow(
      expect.objectContaining({ code: 'work-order-transition-illegal' }),
    );
  });

  it('misses a visit not checked in 30 minutes after its start, and not one already checked in', () => {
    const startsAt = Date.parse('2026-11-23T11:30:00+08:00');
    expect(isVisitMissed({ status: 'accepted', startsAt }, startsAt + 29 * 60_000)).toBe(false);
    expect(isVisitMissed({ status: 'accepted', startsAt }, startsAt + 30 * 60_000)).toBe(true);
    expect(isVisitMissed({ status: 'checked-in', startsAt }, startsAt + 90 * 60_000)).toBe(false);
  });

  it('makes a missed visit to an elder living alone urgent', () => {
    expect(missedVisitSeverity(['living_alone', 'advanced_age'])).toBe('urgent');
    expect(missedVisitSeverity(['empty_nest'])).toBe('check-on');
  });
});
