import type { MealPeriodHours } from '@eldercare/domain';
import type { Timestamp } from './alert-view';

/**
 * The maps.
 *
 * GET  /api/map                         → OperationsMapView (operators, supervisors, admins, the bureau): the viewer's
 *      scope; homes placed to about 500 m for a role that may not see the address (`coarse`)
 * POST /api/map/outlines  GeoJSON FeatureCollection → { regions } (admins): each feature's `properties.code` names a
 *      region by its code; its Polygon or MultiPolygon geometry becomes the region's outline; all or nothing
 * GET  /api/family/elders/:id/service-map → ServiceMapView (family): canteens and stations around the elder's home,
 *      nearest first; canteens with their meal periods, set-meal price and what the elder would pay; stations with
 *      their provider's published offers, to book through POST /api/bookings
 *
 * Open alerts are not here: the map takes them from the live alert feed, as the queue does.
 */
export interface OperationsMapView {
  elders: MapElderPoint[];
  caregivers: MapCaregiver[];
  stations: MapStation[];
  /** Community canteens with a position (one opened before positions were kept is not drawn). */
  canteens: MapCanteen[];
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

/** A community canteen (社区长者食堂) as a service point. Money in fen. */
export interface MapCanteen {
  id: string;
  name: string;
  provider: { id: string; name: string };
  address: string;
  lat: number;
  lon: number;
  /** Today's set-meal price. */
  priceCents: number;
  periods: MealPeriodHours[];
}

/** A published offer of a station's provider: what a family can book from the point. */
export interface MapOffer {
  id: string;
  service: string;
  minutes: number;
  priceCents: number;
}

export interface MapOutline {
  regionId: string;
  name: string;
  level: 'district' | 'street' | 'community';
  /** A GeoJSON Polygon or MultiPolygon geometry. */
  geometry: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
}

/**
 * 养老服务地图: what a family finds around their elder's home: canteens with their meal times, today's set-meal price
 * and the subsidy the elder would get there, and providers' stations with the offers a family can book.
 */
export interface ServiceMapView {
  elder: { id: string; name: string };
  home: { lat: number; lon: number } | null;
  /** Nearest first, with the distance from the home in metres (none when the home has no position). */
  canteens: (MapCanteen & { distanceM: number | null; subsidyCents: number; selfPayCents: number })[];
  /** Nearest first, as canteens; each with its provider's published offers. */
  stations: (MapStation & { distanceM: number | null; offers: MapOffer[] })[];
}
