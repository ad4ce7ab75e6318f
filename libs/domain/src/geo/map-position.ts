import type { Role } from '../access/roles';
import { seesInFull } from '../access/personal-data';
import type { GeoPoint } from './haversine-distance';

/** About 500 m: a home shown on a map to a role that may not see the address is placed no closer than this. */
export const COARSE_POSITION_STEP_DEG = 0.005;

/**
 * Where a map may put an elder's home for `role`: the home itself for a role that sees the address in full, else
 * the point rounded to a grid of about 500 m, as the elder card keeps only the district and street of the address.
 */
export function mapPositionFor(role: Role, home: GeoPoint): GeoPoint & { coarse: boolean } {
  if (seesInFull(role, 'address')) return { ...home, coarse: false };
  const round = (degrees: number) =>
    Math.round(Math.round(degrees / COARSE_POSITION_STEP_DEG) * COARSE_POSITION_STEP_DEG * 1e6) / 1e6;
  return { lat: round(home.lat), lon: round(home.lon), coarse: true };
}
