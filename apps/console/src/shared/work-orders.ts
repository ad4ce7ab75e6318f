import type { WorkOrderView } from '@eldercare/contracts';
import { LOCAL_UTC_OFFSET_MS, localDayStart } from '@eldercare/domain';

const DAY_MS = 86_400_000;

/** The centre's day (Asia/Shanghai, as the api plans visits) that holds `now`, `days` days on, as ISO bounds. */
export function dayWindow(now: number, days = 1, offsetDays = 0): { from: string; to: string } {
  const start = localDayStart(now) + offsetDays * DAY_MS;
  return { from: new Date(start).toISOString(), to: new Date(start + days * DAY_MS).toISOString() };
}

/** The centre's date (`YYYY-MM-DD`) of an instant. */
export function centreDateOf(at: string | number): string {
  const ms = typeof at === 'number' ? at : Date.parse(at);
  return new Date(localDayStart(ms) + LOCAL_UTC_OFFSET_MS).toISOString().slice(0, 10);
}

/** Local time of day in the centre's zone, `HH:MM`, whatever the browser's zone. */
export function centreTimeOf(at: string): string {
  return new Date(Date.parse(at) + LOCAL_UTC_OFFSET_MS).toISOString().slice(11, 16);
}

/** Earliest first; the id breaks a tie (not `seq`, which moves on with every change) so cards never swap places. */
export function inTimeOrder(orders: readonly WorkOrderView[]): WorkOrderView[] {
  return [...orders].sort(
    (a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** Newest first. */
export function newestFirst(orders: readonly WorkOrderView[]): WorkOrderView[] {
  return inTimeOrder(orders).reverse();
}

/** The list with `order` in place of its old self; an order the list does not hold is added when `add` says so. */
export function withOrder(
  orders: readonly WorkOrderView[],
  order: WorkOrderView,
  add: (order: WorkOrderView) => boolean = () => false,
): WorkOrderView[] {
  if (orders.some((candidate) => candidate.id === order.id))
    return orders.map((candidate) => (candidate.id === order.id ? order : candidate));
  return add(order) ? [...orders, order] : [...orders];
}

/** True when the instant lies inside the ISO window `[from, to)`. */
export function isWithin(at: string, window: { from: string; to: string }): boolean {
  const ms = Date.parse(at);
  return ms >= Date.parse(window.from) && ms < Date.parse(window.to);
}
