import type { OperationsMapView, ServiceMapView } from '@eldercare/contracts';
import {
  DAY_MS,
  DEFAULT_RULE_SETTINGS,
  DomainErrorWithDetails,
  haversineDistanceM,
  localDayStart,
  mapPositionFor,
} from '@eldercare/domain';
import { AuditRepository, MapRepository, UnknownRegionCodes, type RegionOutline } from '@eldercare/persistence';
import { Injectable } from '@nestjs/common';
import type { Viewer } from '../auth/viewer';
import { ElderAccessService } from '../elders/elder-access.service';

/** The operations map of a viewer's scope, the families' service map, and the regions' outlines. */
@Injectable()
export class CityMapService {
  constructor(
    private readonly maps: MapRepository,
    private readonly elderAccess: ElderAccessService,
    private readonly audit: AuditRepository,
  ) {}

  /**
   * Every elder with a home position in the viewer's scope, placed as the role may see it; caregivers at their last
   * check-in or check-out today at a visit in scope; stations; the outlines of the regions watched.
   */
  async operations(viewer: Viewer, now = Date.now()): Promise<OperationsMapView> {
    const scope = viewer.scope;
    const [elders, caregivers, stations, outlines] = await Promise.all([
      this.maps.elderPoints(scope, DEFAULT_RULE_SETTINGS.battery.lowBelowPercent),
      this.maps.caregiverPositions(scope, new Date(localDayStart(now))),
      this.maps.stations(),
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
      outlines: outlines.map((outline) => ({
        regionId: outline.regionId,
        name: outline.name,
        level: outline.level,
        geometry: outline.outline,
      })),
      coarse,
    };
  }

  /** The stations around a family's own elder, nearest first. The read is audited as the elder's page is. */
  async serviceMap(viewer: Viewer, elderId: string): Promise<ServiceMapView> {
    const elder = await this.elderAccess.elderInScope(viewer, elderId);
    const stations = await this.maps.stations();
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
      stations: stations
        .map((station) => ({ ...station, distanceM: home ? Math.round(haversineDistanceM(home, station)) : null }))
        .sort((a, b) => (a.distanceM ?? 0) - (b.distanceM ?? 0) || (a.name < b.name ? -1 : 1)),
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
