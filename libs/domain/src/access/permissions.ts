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
  | 'audit.read'
  | 'care-plans.read'
  | 'care-plans.write'
  | 'entitlements.write'
  | 'work-orders.read'
  | 'work-orders.dispatch'
  | 'work-orders.assign'
  | 'work-orders.perform'
  | 'visit-exceptions.resolve'
  | 'visits.rate'
  | 'reports.read'
  | 'bookings.read'
  | 'bookings.make'
  | 'offers.manage'
  | 'canteens.read'
  | 'canteens.manage'
  | 'meal-subsidies.write'
  | 'meals.serve'
  | 'faces.enrol'
  | 'faces.withdraw'
  | 'wallboard.read'
  | 'map.read'
  | 'regions.write';

const GRANTS: Record<Role, readonly Permission[]> = {
  operator: [
    'alerts.read',
    'alerts.work',
    'elders.read',
    'absences.write',
    'devices.read',
    'regions.read',
    'care-plans.read',
    'work-orders.read',
    'work-orders.dispatch',
    'bookings.read',
    'bookings.make',
    'canteens.read',
    'map.read',
  ],
  supervisor: [
    'alerts.read',
    'alerts.work',
    'elders.read',
    'elders.write',
    'absences.write',
    'devices.read',
    'devices.manage',
    'regions.read',
    'audit.read',
    'care-plans.read',
    'care-plans.write',
    'work-orders.read',
    'work-orders.dispatch',
    'reports.read',
    'bookings.read',
    'bookings.make',
    'canteens.read',
    'faces.enrol',
    'faces.withdraw',
    'wallboard.read',
    'map.read',
  ],
  provider_admin: [
    'regions.read',
    'care-plans.read',
    'work-orders.read',
    'work-orders.assign',
    'visit-exceptions.resolve',
    'bookings.read',
    'offers.manage',
    'canteens.read',
  ],
  caregiver: ['work-orders.read', 'work-orders.perform', 'bookings.read', 'bookings.make'],
  family: [
    'alerts.read',
    'elders.read',
    'absences.write',
    'devices.read',
    'care-plans.read',
    'work-orders.read',
    'visits.rate',
    'bookings.read',
    'bookings.make',
    'faces.withdraw',
  ],
  bureau: [
    'alerts.read',
    'elders.read',
    'devices.read',
    'regions.read',
    'care-plans.read',
    'entitlements.write',
    'work-orders.read',
    'reports.read',
    'bookings.read',
    'canteens.read',
    'meal-subsidies.write',
    'map.read',
  ],
  admin: [
    'alerts.read',
    'elders.read',
    'elders.write',
    'absences.write',
    'devices.read',
    'devices.manage',
    'regions.read',
    'users.manage',
    'audit.read',
    'care-plans.read',
    'care-plans.write',
    'entitlements.write',
    'work-orders.read',
    'work-orders.dispatch',
    'reports.read',
    'bookings.read',
    'bookings.make',
    'offers.manage',
    'canteens.read',
    'canteens.manage',
    'meal-subsidies.write',
    'faces.enrol',
    'faces.withdraw',
    'wallboard.read',
    'map.read',
    'regions.write',
  ],
  cashier: ['canteens.read', 'meals.serve'],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}
