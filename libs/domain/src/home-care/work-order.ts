import { DomainError } from '../errors/domain-error';

/**
 * The life of a work order.
 * STORED OUTSIDE THE CODE: work_orders rows keep these codes. Never rename one.
 */
export const WORK_ORDER_STATUSES = [
  'created',
  'assigned',
  'accepted',
  'checked-in',
  'checked-out',
  'missed',
  'cancelled',
] as const;
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];

/** What can happen to an order, and from where. */
const TRANSITIONS = {
  assign: { from: ['created', 'assigned'], to: 'assigned' },
  accept: { from: ['assigned', 'accepted'], to: 'accepted' },
  'check-in': { from: ['accepted'], to: 'checked-in' },
  'check-out': { from: ['checked-in'], to: 'checked-out' },
  miss: { from: ['created', 'assigned', 'accepted'], to: 'missed' },
  cancel: { from: ['created', 'assigned', 'accepted'], to: 'cancelled' },
} as const satisfies Record<string, { from: readonly WorkOrderStatus[]; to: WorkOrderStatus }>;

export type WorkOrderAction = keyof typeof TRANSITIONS;

/** The status `action` leads to from `status`; a `work-order-transition-illegal` error when it cannot happen. */
export function nextWorkOrderStatus(status: WorkOrderStatus, action: WorkOrderAction): WorkOrderStatus {
  const transition = TRANSITIONS[action];
  if (!(transition.from as readonly WorkOrderStatus[]).includes(status)) {
    throw new DomainError('work-order-transition-illegal', `a work order that is ${status} cannot be given ${action}`);
  }
  return transition.to;
}

export function isOpenWorkOrder(status: WorkOrderStatus): boolean {
  return status === 'created' || status === 'assigned' || status === 'accepted' || status === 'checked-in';
}

/** Minutes after its start by which a visit must be checked in, unless the plan says otherwise. */
export const DEFAULT_LATE_AFTER_MINUTES = 30;

/** A visit not checked in by its start plus the window is missed. */
export function isVisitMissed(
  order: { status: WorkOrderStatus; startsAt: number },
  now: number,
  lateAfterMinutes = DEFAULT_LATE_AFTER_MINUTES,
): boolean {
  return (
    (order.status === 'created' || order.status === 'assigned' || order.status === 'accepted') &&
    now >= order.startsAt + lateAfterMinutes * 60_000
  );
}

/** A missed visit is a check-on for the dispatch centre, urgent when the elder lives alone: nobody else will notice. */
export function missedVisitSeverity(categories: readonly string[]): 'urgent' | 'check-on' {
  return categories.includes('living_alone') ? 'urgent' : 'check-on';
}
