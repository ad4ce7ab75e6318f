import type { AlertView, MapElderPoint } from '@eldercare/contracts';
import { compareSeverity } from '@eldercare/domain';

export interface MapFilters {
  /** A region of any level; empty for all. */
  regionId: string;
  /** An elder category; empty for all. */
  category: string;
  alerts: 'all' | 'open' | 'unclaimed' | 'none';
  devices: 'all' | 'offline' | 'low-battery';
}

export const NO_FILTERS: MapFilters = { regionId: '', category: '', alerts: 'all', devices: 'all' };

/** The most severe open alert of each elder, the oldest first among equals. */
export function worstAlertByElder(alerts: readonly AlertView[]): Map<string, AlertView> {
  const worst = new Map<string, AlertView>();
  for (const alert of alerts) {
    const current = worst.get(alert.elder.id);
    if (
      !current ||
      compareSeverity(alert.severity, current.severity) < 0 ||
      (alert.severity === current.severity && alert.raisedAt < current.raisedAt)
    )
      worst.set(alert.elder.id, alert);
  }
  return worst;
}

/** The elders the filters let through. */
export function filterElders(
  elders: readonly MapElderPoint[],
  alerts: ReadonlyMap<string, AlertView>,
  filters: MapFilters,
): MapElderPoint[] {
  return elders.filter((elder) => {
    if (filters.regionId && !elder.regionIds.includes(filters.regionId)) return false;
    if (filters.category && !elder.categories.includes(filters.category)) return false;
    if (filters.devices === 'offline' && !elder.offline) return false;
    if (filters.devices === 'low-battery' && !elder.lowBattery) return false;
    const alert = alerts.get(elder.id);
    if (filters.alerts === 'open' && !alert) return false;
    if (filters.alerts === 'unclaimed' && (!alert || alert.claimedBy !== null)) return false;
    if (filters.alerts === 'none' && alert) return false;
    return true;
  });
}
