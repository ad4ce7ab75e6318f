import type { Timestamp } from './alert-view';

/**
 * The maps.
 *
 * GET  /api/map                         → OperationsMapView (operators, supervisors, admins, the bureau): the viewer's
 *      scope; homes placed to about 500 m for a role that may not see the address (`coarse`)
 * POST /api/map/outlines  GeoJSON FeatureCollection → { regions } (admins): each feature's `properties.code` names a
 *      region by its code; its Polygon or MultiPolygon geometry becomes the region's outline; all or nothing
 * GET  /api/family/elders/:id/service-map → ServiceMapView (family): stations around the elder's home, nearest first
 *
 * Open alerts are not here: the map takes them from the live alert feed, as the queue does.
 */
export interface OperationsMapView {
  elders: MapElderPoint[];
  caregivers: MapCaregiver[];
  stations: MapStation[];
  outlines: MapOutline[];
  /** True when homes are rounded to a 500-m grid for this role. */
  coarse: boolean;
}

export interface MapElderPoint {
  id: string;
  name: string;
  lat: number;
  lon: number;
  categories: string[];
  /** The community, street and district the elder lives in, for the region filter. */
  regionIds: string[];
  offline: boolean;
  lowBattery: boolean;
}

/** A caregiver on duty at their last check-in or check-out today. */
export interface MapCaregiver {
  id: string;
  name: string;
  provider: string;
  lat: number;
  lon: number;
  at: Timestamp;
  kind: 'check-in' | 'check-out';
}

/** A provider's station (服务站点). */
export interface MapStation {
  id: string;
  name: string;
  provider: { id: string; name: string };
  address: string;
  phone: string;
  lat: number;
  lon: number;
  services: string[];
}

export interface MapOutline {
  regionId: string;
  name: string;
  level: 'district' | 'street' | 'community';
  /** A GeoJSON Polygon or MultiPolygon geometry. */
  geometry: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
}

/**
 * 养老服务地图: what a family finds around their elder's home. Canteens (with meal times and today's menu price) and
 * booking come with the canteen and booking modules; until then the map has stations and the providers behind them.
 */
export interface ServiceMapView {
  elder: { id: string; name: string };
  home: { lat: number; lon: number } | null;
  /** Nearest first, with the distance from the home in metres (none when the home has no position). */
  stations: (MapStation & { distanceM: number | null })[];
}
