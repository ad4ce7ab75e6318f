import type { WorkOrderStatus, WorkOrderView } from '@eldercare/contracts';
import { inTimeOrder, withOrder } from '../shared/work-orders';

/** The order a provider reads its work in: what needs someone first, then what is under way, then what is over. */
export const STATUS_ORDER: readonly WorkOrderStatus[] = [
  'created',
  'assigned',
  'accepted',
  'checked-in',
  'checked-out',
  'missed',
  'cancelled',
];

/** The orders by status, in `STATUS_ORDER`, each in time order; statuses without orders are left out. */
export function byStatus(orders: readonly WorkOrderView[]): { status: WorkOrderStatus; orders: WorkOrderView[] }[] {
  return STATUS_ORDER.map((status) => ({
    status,
    orders: inTimeOrder(orders.filter((order) => order.status === status)),
  })).filter((group) => group.orders.length > 0);
}

/** Each caregiver's orders in time order, every caregiver listed even with none; cancelled orders do not count. */
export function byCaregiver(
  orders: readonly WorkOrderView[],
  caregivers: readonly { id: string; displayName: string }[],
): { caregiver: { id: string; displayName: string }; orders: WorkOrderView[] }[] {
  const live = orders.filter((order) => order.status !== 'cancelled');
  return caregivers.map((caregiver) => ({
    caregiver,
    orders: inTimeOrder(live.filter((order) => order.caregiver?.id === caregiver.id)),
  }));
}

/** A provider admin may (re)assign an order nobody has started. */
export function mayAssign(order: WorkOrderView): boolean {
  return order.status === 'created' || order.status === 'assigned';
}

/** The list of visits with open exceptions after `order` changed: in it while its exceptions are open, in time order. */
export function withOpenException(orders: readonly WorkOrderView[], order: WorkOrderView): WorkOrderView[] {
  if (order.exceptions.state !== 'open') return orders.filter((candidate) => candidate.id !== order.id);
  return inTimeOrder(withOrder(orders, order, () => true));
}

/** A provider admin decides on a visit's exceptions once it is checked out: every exception it will have, it has. */
export function mayResolve(order: WorkOrderView): boolean {
  return order.status === 'checked-out' && order.exceptions.state === 'open';
}
