/** A position in WGS-84 degrees, as devices report it. */
export interface GeoPoint {
  lat: number;
  lon: number;
}

const METERS_PER_DEGREE_LAT = 111_320;

/**
 * The point `northM` metres north and `eastM` metres east of `origin`. A flat-earth step is accurate
 * to centimetres over the few kilometres an elder walks from home.
 */
export function offsetByMeters(origin: GeoPoint, northM: number, eastM: number): GeoPoint {
  return {
    lat: origin.lat + northM / METERS_PER_DEGREE_LAT,
    lon: origin.lon + eastM / (METERS_PER_DEGREE_LAT * Math.cos((origin.lat * Math.PI) / 180)),
  };
}

/** Great-circle distance in metres (haversine). */
export function distanceMeters(from: GeoPoint, to: GeoPoint): number {
  const toRad = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = toRad(to.lat - from.lat);
  const dLon = toRad(to.lon - from.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(from.lat)) * Math.cos(toRad(to.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

/** Rounds to 6 decimals (about 0.1 m), the precision a GNSS module reports. */
export function roundCoordinates(point: GeoPoint): GeoPoint {
  return { lat: Math.round(point.lat * 1e6) / 1e6, lon: Math.round(point.lon * 1e6) / 1e6 };
}

/** The demo city: Zhongshan (中山), which put call buttons and water meters in 6,078 elders' homes in 2021. */
export const ZHONGSHAN_CITY_CENTRE: GeoPoint = { lat: 22.5176, lon: 113.3926 };
