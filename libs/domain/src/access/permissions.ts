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
  /** Order a canteen meal for one's own elder, paid remotely, and cancel it before the cut-off. */
  | 'meals.order'
  | 'faces.enrol'
  | 'faces.withdraw'
  | 'wallboard.read'
  | 'map.read'
  | 'regions.write'
  /** Ask a volunteer's help for an elder in scope, and confirm or dispute the visit. */
  | 'time-bank.request'
  /** Community staff: register, check and approve volunteers, settle disputes, reverse movements. */
  | 'time-bank.manage'
  /** A volunteer: take requests, check in and out, spend or give their coins. */
  | 'time-bank.serve'
  /** Record a visit to an elder at risk, at home or by phone. */
  | 'risk-visits.record'
  /** Name an elder's pair and risk level. */
  | 'pairs.write'
  /** The bureau sets how often each risk level is visited. */
  | 'visit-frequencies.write'
  /** See home adaptation cases in scope and their photos. */
  | 'adaptation.read'
  /** Community staff: apply, assess, plan (naming the contractor), follow up, cancel, add photos. */
  | 'adaptation.manage'
  /** A contractor: record the works done, with photos before and after, on the cases given to their company. */
  | 'adaptation.build'
  /** An inspector: accept the works against the plan, or refuse them with the reason. */
  | 'adaptation.inspect'
  /** The elder's agreement to the plan, given by the family or recorded by staff. */
  | 'adaptation.agree'
  /** The bureau settles the subsidy. */
  | 'adaptation.settle'
  /** The bureau's caps per category and yearly budget. */
  | 'adaptation.settings';

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
    'time-bank.request',
    'risk-visits.record',
    'adaptation.read',
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
    'time-bank.request',
    'time-bank.manage',
    'risk-visits.record',
    'pairs.write',
    'adaptation.read',
    'adaptation.manage',
    'adaptation.agree',
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
    'meals.order',
    'faces.withdraw',
    'time-bank.request',
    'adaptation.read',
    'adaptation.agree',
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
    'visit-frequencies.write',
    'adaptation.read',
    'adaptation.settle',
    'adaptation.settings',
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
    'time-bank.request',
    'time-bank.manage',
    'risk-visits.record',
    'pairs.write',
    'visit-frequencies.write',
    'adaptation.read',
    'adaptation.manage',
    'adaptation.agree',
    'adaptation.settle',
    'adaptation.settings',
  ],
  cashier: ['canteens.read', 'meals.serve'],
  volunteer: ['time-bank.serve'],
  inspector: ['adaptation.read', 'adaptation.inspect'],
  contractor: ['adaptation.read', 'adaptation.build'],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}
