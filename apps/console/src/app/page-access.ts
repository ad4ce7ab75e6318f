import type { Role } from '@eldercare/contracts';
import { can, type Permission } from '@eldercare/domain';
import type { Page } from './pages';

/**
 * The permission each registry page asks for, as the api checks it: a page the role may not use is not offered,
 * and opening its address says so instead of showing controls the server would refuse. The queue, history and
 * case keep their own rules (the dispatch console, and the server's 404 for a case out of scope).
 */
const NEEDS: Partial<Record<Page, Permission>> = {
  'care-calls': 'alerts.work',
  elders: 'elders.read',
  elder: 'elders.read',
  'elder-new': 'elders.write',
  'elder-edit': 'elders.write',
  'elder-import': 'elders.write',
  devices: 'devices.read',
  users: 'users.manage',
  audit: 'audit.read',
  reports: 'reports.read',
  wallboard: 'wallboard.read',
  map: 'map.read',
  'time-bank': 'time-bank.manage',
  'risk-visits': 'risk-visits.record',
  adaptation: 'adaptation.read',
  settings: 'adaptation.settings',
};

/** True when `role` may open `page`. */
export function mayOpen(role: Role, page: Page): boolean {
  const permission = NEEDS[page];
  return permission === undefined || can(role, permission);
}
