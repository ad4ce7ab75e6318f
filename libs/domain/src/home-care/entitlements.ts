import type { ServiceCode } from './service-catalogue';
import { isVisitDelivered, type VisitReview } from './visit-exceptions';

/** What one category of elder is owed of one service each month, in the service's unit. Set by the bureau. */
export interface EntitlementRule {
  category: string;
  service: ServiceCode;
  perMonth: number;
}

/**
 * What an elder is owed per service each month. An elder in several categories gets the largest allowance any
 * of them gives for a service, not the sum: the categories describe one person, not several.
 */
export function entitlementOf(
  categories: readonly string[],
  rules: readonly EntitlementRule[],
): Map<ServiceCode, number> {
  const owed = new Map<ServiceCode, number>();
  for (const rule of rules) {
    if (categories.includes(rule.category))
      owed.set(rule.service, Math.max(owed.get(rule.service) ?? 0, rule.perMonth));
  }
  return owed;
}

export interface ServiceMonth {
  service: ServiceCode;
  owed: number;
  /** Planned in the month (orders not cancelled). */
  planned: number;
  delivered: number;
  missed: number;
  /** Owed and not yet delivered; never below zero. */
  remaining: number;
}

/** One elder's month per service: owed, planned, delivered, missed and remaining, in each service's unit. */
export function accountMonth(
  owed: ReadonlyMap<ServiceCode, number>,
  orders: readonly ({ service: ServiceCode; quantity: number; status: string } & VisitReview)[],
): ServiceMonth[] {
  const lines = new Map<ServiceCode, ServiceMonth>();
  const line = (service: ServiceCode) => {
    let found = lines.get(service);
    if (!found) {
      found = { service, owed: owed.get(service) ?? 0, planned: 0, delivered: 0, missed: 0, remaining: 0 };
      lines.set(service, found);
    }
    return found;
  };
  for (const service of owed.keys()) line(service);
  for (const order of orders) {
    if (order.status === 'cancelled') continue;
    const entry = line(order.service);
    entry.planned += order.quantity;
    if (isVisitDelivered(order)) entry.delivered += order.quantity;
    if (order.status === 'missed') entry.missed += order.quantity;
  }
  for (const entry of lines.values()) entry.remaining = Math.max(0, entry.owed - entry.delivered);
  return [...lines.values()].sort((a, b) => a.service.localeCompare(b.service));
}
