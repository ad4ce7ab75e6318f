import type { MapCanteen, MapOffer, OperationsMapView, ServiceMapView } from '@eldercare/contracts';
import {
  ageOn,
  DAY_MS,
  DEFAULT_RULE_SETTINGS,
  DomainErrorWithDetails,
  haversineDistanceM,
  localDateOf,
  localDayStart,
  mapPositionFor,
  mealCategoriesOf,
  mealSubsidyFor,
} from '@eldercare/domain';
import {
  AuditRepository,
  BookingRepository,
  CanteenRepository,
  MapRepository,
  UnknownRegionCodes,
  type CanteenRecord,
  type RegionOutline,
} from '@eldercare/persistence';
import { Injectable } from '@nestjs/common';
import type { Viewer } from '../auth/viewer';
import { ElderAccessService } from '../elders/elder-access.service';

/** The canteens with a position, as service points. */
function canteenPoints(canteens: readonly CanteenRecord[]): MapCanteen[] {
  return canteens.flatMap((canteen) =>
    canteen.position
      ? [
          {
            id: canteen.id,
            name: canteen.name,
            provider: canteen.provider,
            address: canteen.address ?? '',
            lat: canteen.position.lat,
            lon: canteen.position.lon,
            priceCents: canteen.priceCents,
            periods: canteen.periods,
          },
        ]
      : [],
  );
}

/** Nearest the home first (by name when as near, or when the home has no position), with the distance in metres. */
function byDistanceFrom<T extends { lat: number; lon: number; name: string }>(
  home: { lat: number; lon: number } | null,
  points: readonly T[],
): (T & { distanceM: number | null })[] {
  return points
    .map((point) => ({ ...point, distanceM: home ? Math.round(haversineDistanceM(home, point)) : null }))
    .sort((a, b) => (a.distanceM ?? 0) - (b.distanceM ?? 0) || (a.name < b.name ? -1 : 1));
}

/** The operations map of a viewer's scope, the families' service map, and the regions' outlines. */
@Injectable()
export class CityMapService {
  constructor(
    private readonly maps: MapRepository,
    private readonly elderAccess: ElderAccessService,
    private readonly audit: AuditRepository,
    private readonly canteens: CanteenRepository,
    private readonly bookings: BookingRepository,
  ) {}

  /**
   * Every elder with a home position in the viewer's scope, placed as the role may see it; caregivers at their last
   * check-in or check-out today at a visit in scope; stations and canteens; the outlines of the regions watched.
   */
  async operations(viewer: Viewer, now = Date.now()): Promise<OperationsMapView> {
    const scope = viewer.scope;
    const [elders, caregivers, stations, canteens, outlines] = await Promise.all([
      this.maps.elderPoints(scope, DEFAULT_RULE_SETTINGS.battery.lowBelowPercent),
      this.maps.caregiverPositions(scope, new Date(localDayStart(now))),
      this.maps.stations(),
      this.canteens.canteens(),
      scope.kind === 'city' || scope.kind === 'regions'
        ? this.maps.outlines(scope.kind === 'city' ? null : scope.regionIds)
        : [],
    ]);
    let coarse = false;
    return {
      elders: elders.map((elder) => {
        const position = mapPositionFor(viewer.role, elder);
        coarse = position.coarse;
        return {
          id: elder.id,
          name: elder.name,
          lat: position.lat,
          lon: position.lon,
          categories: elder.categories,
          regionIds: [elder.communityId, elder.streetId, elder.districtId].filter((id): id is string => id !== null),
          offline: elder.offline,
          lowBattery: elder.lowBattery,
        };
      }),
      caregivers: caregivers
        .filter((caregiver) => now - caregiver.at.getTime() < DAY_MS)
        .map((caregiver) => ({
          id: caregiver.caregiverId,
          name: caregiver.name,
          provider: caregiver.provider,
          lat: caregiver.lat,
          lon: caregiver.lon,
          at: caregiver.at.toISOString(),
          kind: caregiver.kind,
        })),
      stations,
      canteens: canteenPoints(canteens),
      outlines: outlines.map((outline) => ({
        regionId: outline.regionId,
        name: outline.name,
        level: outline.level,
        geometry: outline.outline,
      })),
      coarse,
    };
  }

  /**
   * The canteens and stations around a family's own elder, nearest first: a canteen with what a set meal costs the
   * elder there today after the bureau's subsidy, a station with its provider's published offers. The read is audited
   * as the elder's page is.
   */
  async serviceMap(viewer: Viewer, elderId: string, now = Date.now()): Promise<ServiceMapView> {
    const elder = await this.elderAccess.elderInScope(viewer, elderId);
    const [stations, canteens, offers, diner, rules] = await Promise.all([
      this.maps.stations(),
      this.canteens.canteens(),
      this.bookings.activeOffers({}),
      this.canteens.dinerById(elderId),
      this.canteens.subsidyRules(),
    ]);
    const districtOf = new Map(canteens.map((canteen) => [canteen.id, canteen.districtId]));
    const offersOf = new Map<string, MapOffer[]>();
    for (const offer of offers)
      offersOf.set(offer.provider.id, [
        ...(offersOf.get(offer.provider.id) ?? []),
        { id: offer.id, service: offer.service, minutes: offer.minutes, priceCents: offer.priceCents },
      ]);
    const subsidyAt = (canteen: MapCanteen) =>
      diner
        ? mealSubsidyFor({
            categories: mealCategoriesOf(diner.categories, ageOn(diner.birthDate, now)),
            sameDistrict: diner.districtId !== null && diner.districtId === districtOf.get(canteen.id),
            priceCents: canteen.priceCents,
            rules,
            date: localDateOf(now),
          }).subsidyCents
        : 0;
    await this.audit.append({
      userId: viewer.id,
      action: 'family.service-map-read',
      elderId,
      subject: `elder:${elderId}`,
    });
    const home = elder.home;
    return {
      elder: { id: elder.id, name: elder.name },
      home,
      canteens: byDistanceFrom(home, canteenPoints(canteens)).map((canteen) => {
        const subsidyCents = subsidyAt(canteen);
        return { ...canteen, subsidyCents, selfPayCents: canteen.priceCents - subsidyCents };
      }),
      stations: byDistanceFrom(home, stations).map((station) => ({
        ...station,
        offers: offersOf.get(station.provider.id) ?? [],
      })),
    };
  }

  /** Sets the outlines of the regions named by code; nothing is written when any code names no region. */
  async importOutlines(outlines: { code: string; outline: RegionOutline }[]): Promise<{ regions: number }> {
    try {
      await this.maps.setOutlines(outlines);
    } catch (error) {
      if (!(error instanceof UnknownRegionCodes)) throw error;
      throw new DomainErrorWithDetails('import-invalid', error.message, { unknownCodes: error.codes });
    }
    return { regions: outlines.length };
  }
}
