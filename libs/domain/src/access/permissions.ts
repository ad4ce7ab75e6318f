import type { Role } from './roles';

/**
 * What a role may do, whatever the record. Which records it may do it to is its scope (`access-scope.ts`):
 * a permitted action on a record outside the scope is answered as if the record did not exist.
 */
export type Permission =
  | 'alerts.read'
  | 'alerts.work'
  | 'elders.read'
  | 'elders.write'
  | 'absences.write'
  | 'devices.read'
  | 'devices.manage'
  | 'regions.read'
  | 'users.manage'
  | 'audit.read';

const GRANTS: Record<Role, readonly Permission[]> = {
  operator: ['alerts.read', 'alerts.work', 'elders.read', 'absences.write', 'devices.read', 'regions.read'],
  supervisor: ['alerts.read', 'alerts.work', 'elders.read', 'elders.write', 'absences.write', 'devices.read', 'devices.manage', 'regions.read', 'audit.read'],
  provider_admin: ['regions.read'],
  caregiver: [],
  family: ['alerts.read', 'elders.read', 'absences.write', 'devices.read'],
  bureau: ['alerts.read', 'elders.read', 'devices.read', 'regions.read'],
  admin: ['alerts.read', 'elders.read', 'elders.write', 'absences.write', 'devices.read', 'devices.manage', 'regions.read', 'users.manage', 'audit.read'],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}
