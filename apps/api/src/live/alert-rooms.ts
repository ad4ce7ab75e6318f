import type { AccessScope } from '@eldercare/domain';
import type { AlertRow, WorkOrderRow } from '@eldercare/persistence';

/**
 * socket.io rooms. A viewer joins the rooms of their scope; an alert is sent to every room that covers its elder
 * (the city, the community, street and district, the elder), so each console hears it once whatever its scope.
 */
export function roomsOfScope(scope: AccessScope): string[] {
  switch (scope.kind) {
    case 'city':
      return ['city'];
    case 'regions':
      return scope.regionIds.map((id) => `region:${id}`);
    case 'elders':
      return scope.elderIds.map((id) => `elder:${id}`);
    case 'provider':
    case 'volunteer':
      return [];
  }
}

export function roomsOfAlert(alert: Pick<AlertRow, 'elder' | 'place'>): string[] {
  const regions = [alert.place.communityId, alert.place.streetId, alert.place.districtId].filter(
    (id): id is string => id !== null,
  );
  return ['city', ...regions.map((id) => `region:${id}`), `elder:${alert.elder.id}`];
}

/** Provider staff hear their organisation's work orders; a caregiver only their own. */
export function roomsOfStaff(viewer: { role: string; id: string; providerId: string | null }): string[] {
  if (viewer.role === 'caregiver') return [`caregiver:${viewer.id}`];
  if (viewer.role === 'provider_admin' && viewer.providerId) return [`provider:${viewer.providerId}`];
  return [];
}

/**
 * Where a work order goes, by who listens there, so that each audience gets the order masked for its role: region
 * rooms hold operators, the city room admins and the bureau, the elder's room the family.
 */
export function roomsOfWorkOrder(order: Pick<WorkOrderRow, 'elder' | 'place' | 'provider' | 'caregiver'>): {
  operators: string[];
  city: string[];
  family: string[];
  provider: string[];
  caregiver: string[];
} {
  const regions = [order.place.communityId, order.place.streetId, order.place.districtId].filter(
    (id): id is string => id !== null,
  );
  return {
    operators: regions.map((id) => `region:${id}`),
    city: ['city'],
    family: [`elder:${order.elder.id}`],
    provider: [`provider:${order.provider.id}`],
    caregiver: order.caregiver ? [`caregiver:${order.caregiver.id}`] : [],
  };
}

/** Every socket of one session, so signing out closes them all, on every api instance. */
export const roomOfSession = (tokenHash: string) => `session:${tokenHash}`;
