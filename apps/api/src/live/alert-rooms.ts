import type { AccessScope } from '@eldercare/domain';
import type { AlertRow } from '@eldercare/persistence';

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
      return [];
  }
}

export function roomsOfAlert(alert: Pick<AlertRow, 'elder' | 'place'>): string[] {
  const regions = [alert.place.communityId, alert.place.streetId, alert.place.districtId].filter((id): id is string => id !== null);
  return ['city', ...regions.map((id) => `region:${id}`), `elder:${alert.elder.id}`];
}

/** Every socket of one session, so signing out closes them all, on every api instance. */
export const roomOfSession = (tokenHash: string) => `session:${tokenHash}`;
