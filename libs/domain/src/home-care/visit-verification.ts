import { haversineDistanceM, type GeoPoint } from '../geo/haversine-distance';

/** How far from the home a check-in or check-out may be, metres, before it is flagged for a person to look at. */
export const VISIT_DISTANCE_LIMIT_M = 200;

export interface VisitPosition extends GeoPoint {
  /** The phone's own accuracy radius, metres. */
  accuracyM?: number;
}

export interface PositionAssessment {
  distanceM: number;
  /** Farther than the limit even granting the phone its accuracy: flagged, never silently accepted. */
  farFromHome: boolean;
}

/**
 * Where a caregiver checked in or out, against the elder's home. The phone's accuracy is granted up to the limit
 * again (a position good to 50 m is judged 50 m kinder), so a poor fix is not taken for fraud, nor a made-up
 * accuracy for an alibi.
 */
export function assessVisitPosition(
  home: GeoPoint,
  position: VisitPosition,
  limitM = VISIT_DISTANCE_LIMIT_M,
): PositionAssessment {
  const distanceM = Math.round(haversineDistanceM(home, position));
  const granted = Math.min(position.accuracyM ?? 0, limitM);
  return { distanceM, farFromHome: distanceM - granted > limitM };
}
