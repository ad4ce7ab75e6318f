import type { AlertView, MapElderPoint, Severity } from '@eldercare/contracts';
import { SEVERITIES } from '@eldercare/domain';
import Supercluster from 'supercluster';

/** What each point and cluster carries: how many open alerts, and the most severe (index in SEVERITIES). */
interface ClusterProps {
  elderId?: string;
  alerts: number;
  worst: number;
}

/** One marker of the elder layer at a zoom: a cluster of elders, or one elder. */
export type ElderMarker =
  | { kind: 'cluster'; id: number; lat: number; lon: number; count: number; alerts: number; worst: Severity | null }
  | { kind: 'elder'; elderId: string; lat: number; lon: number; alert: Severity | null };

const NONE = SEVERITIES.length;

/** Clustering of elders with their open alerts, by supercluster (a k-d tree per zoom). */
export class ElderClusters {
  private readonly index = new Supercluster<ClusterProps, ClusterProps>({
    radius: 60,
    // Clustered up to 18: only the closest zoom (19, ~0.3 m a pixel) draws elders one by one, a few hundred at most.
    maxZoom: 18,
    map: (props) => ({ alerts: props.alerts, worst: props.worst }),
    reduce: (total, props) => {
      total.alerts += props.alerts;
      total.worst = Math.min(total.worst, props.worst);
    },
  });

  constructor(elders: readonly MapElderPoint[], alerts: ReadonlyMap<string, AlertView>) {
    this.index.load(
      elders.map((elder) => {
        const alert = alerts.get(elder.id);
        return {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [elder.lon, elder.lat] },
          properties: {
            elderId: elder.id,
            alerts: alert ? 1 : 0,
            worst: alert ? SEVERITIES.indexOf(alert.severity) : NONE,
          },
        };
      }),
    );
  }

  /** The markers inside `[west, south, east, north]` at `zoom`. */
  markers(bounds: [number, number, number, number], zoom: number): ElderMarker[] {
    return this.index.getClusters(bounds, Math.round(zoom)).map((feature): ElderMarker => {
      const [lon, lat] = feature.geometry.coordinates;
      const props = feature.properties;
      const worst = props.worst < NONE ? SEVERITIES[props.worst] : null;
      if ('cluster' in props && props.cluster)
        return {
          kind: 'cluster',
          id: props.cluster_id,
          lat,
          lon,
          count: props.point_count,
          alerts: props.alerts,
          worst,
        };
      return { kind: 'elder', elderId: props.elderId!, lat, lon, alert: worst };
    });
  }

  /** The zoom at which a cluster falls apart, to zoom into on a click. */
  expansionZoom(clusterId: number): number {
    return this.index.getClusterExpansionZoom(clusterId);
  }
}
