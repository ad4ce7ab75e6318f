import { haversineDistanceM, type GeoPoint } from '../geo/haversine-distance';

/**
 * The fraud cross-check of the canteens' subsidised meals against the elder's own devices: a watch position taken
 * about when the meal was served, far from the canteen, says the elder was not the one who ate it.
 */
/** Positions this near in time to the meal are where the elder was: a quarter of an hour either side. */
export const DEVICE_POSITION_WINDOW_MINUTES = 15;
/** Farther than this from the canteen (beyond the position's own accuracy) is elsewhere: no short walk away. */
export const ELSEWHERE_DISTANCE_M = 2000;

/**
 * How far the device put the elder from the canteen, in metres, when that is elsewhere: farther than
 * `ELSEWHERE_DISTANCE_M` even allowing for the position's accuracy; undefined when the elder may have been there.
 */
export function distanceElsewhereM(
  canteen: GeoPoint,
  device: GeoPoint & { accuracyM?: number | null },
): number | undefined {
  const distanceM = haversineDistanceM(canteen, device);
  return distanceM - (device.accuracyM ?? 0) > ELSEWHERE_DISTANCE_M ? Math.round(distanceM) : undefined;
}
