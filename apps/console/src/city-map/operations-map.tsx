import type { AlertView, MapElderPoint, OperationsMapView } from '@eldercare/contracts';
import L from 'leaflet';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { ConsoleSettings } from '../api/console-settings-api';
import { casePath, elderPath } from '../app/pages';
import { useI18n } from '../i18n/i18n-context';
import { ruleLabel } from '../i18n/labels';
import { answerClock } from '../queue/answer-clock';
import { ElderClusters } from './elder-clusters';
import { DEFAULT_CENTRE, elementMarker, textTooltip, tilesOrNotice } from './map-canvas';

/**
 * The operations map: elders clustered (supercluster), their open alerts on top coloured by severity and answer
 * clock, caregivers at their last check-in or check-out, stations and canteens, region outlines. A click opens the elder or the
 * case. Everything is drawn as elements and vectors, so the map works with no tile server at all.
 */
export function OperationsMap({
  data,
  elders,
  alerts,
  now,
  settings,
}: {
  data: OperationsMapView;
  /** The filtered elders, spread apart where they share an address. */
  elders: MapElderPoint[];
  alerts: ReadonlyMap<string, AlertView>;
  now: number;
  settings: Pick<ConsoleSettings, 'tileUrl' | 'tileAttribution' | 'answerTargetSec' | 'answerWorstSec'>;
}) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const container = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<L.Map | null>(null);
  const [tilesMissing, setTilesMissing] = useState(false);
  const [view, setView] = useState(0);
  const layers = useRef<{ elders: L.LayerGroup; alerts: L.LayerGroup; places: L.LayerGroup } | null>(null);
  const clusters = useMemo(() => new ElderClusters(elders, alerts), [elders, alerts]);
  const byId = useMemo(() => new Map(elders.map((elder) => [elder.id, elder])), [elders]);

  useEffect(() => {
    if (!container.current) return;
    const created = L.map(container.current, { zoomControl: true, maxZoom: 19 });
    created.createPane('alerts').style.zIndex = '650';
    tilesOrNotice(created, settings.tileUrl, settings.tileAttribution, () => setTilesMissing(true));
    layers.current = {
      places: L.layerGroup().addTo(created),
      elders: L.layerGroup().addTo(created),
      alerts: L.layerGroup().addTo(created),
    };
    const points = data.elders.map((elder) => L.latLng(elder.lat, elder.lon));
    if (points.length > 0) created.fitBounds(L.latLngBounds(points), { padding: [24, 24], maxZoom: 16 });
    else created.setView(DEFAULT_CENTRE, 12);
    created.on('moveend zoomend', () => setView((count) => count + 1));
    setMap(created);
    return () => {
      created.remove();
      layers.current = null;
      setMap(null);
    };
    // The map is made once per data set's first arrival; later data redraws the layers, not the map.
  }, [settings.tileUrl, settings.tileAttribution]);

  // Outlines, caregivers and stations.
  useEffect(() => {
    const group = layers.current?.places;
    if (!map || !group) return;
    group.clearLayers();
    for (const outline of data.outlines)
      L.geoJSON(outline.geometry, {
        style: {
          color: outline.level === 'community' ? '#1f5f8b' : '#15304b',
          weight: outline.level === 'community' ? 1 : 2,
          fillOpacity: 0.03,
        },
      })
        .bindTooltip(textTooltip(outline.name), { sticky: true })
        .addTo(group);
    for (const caregiver of data.caregivers)
      elementMarker(
        [caregiver.lat, caregiver.lon],
        'map-caregiver',
        { testid: 'map-caregiver', kind: caregiver.kind },
        { size: 14 },
      )
        .bindTooltip(textTooltip(`${caregiver.name} · ${caregiver.provider} · ${t(`map.caregiver-${caregiver.kind}`)}`))
        .addTo(group);
    for (const station of data.stations)
      elementMarker([station.lat, station.lon], 'map-station', { testid: 'map-station' }, { size: 14 })
        .bindTooltip(textTooltip(`${station.name} · ${station.provider.name} ${station.phone}`))
        .addTo(group);
    for (const canteen of data.canteens)
      elementMarker([canteen.lat, canteen.lon], 'map-canteen', { testid: 'map-canteen' }, { size: 14 })
        .bindTooltip(textTooltip(`${canteen.name} · ${canteen.provider.name} · ${canteen.address}`))
        .addTo(group);
  }, [map, data, t]);

  // Elders, clustered for the view.
  useEffect(() => {
    const group = layers.current?.elders;
    if (!map || !group) return;
    group.clearLayers();
    const bounds = map.getBounds();
    const box: [number, number, number, number] = [
      bounds.getWest(),
      bounds.getSouth(),
      bounds.getEast(),
      bounds.getNorth(),
    ];
    for (const marker of clusters.markers(box, map.getZoom())) {
      if (marker.kind === 'cluster') {
        const size = marker.count < 100 ? 32 : marker.count < 1000 ? 40 : 48;
        elementMarker(
          [marker.lat, marker.lon],
          `map-cluster${marker.worst ? ` map-cluster-${marker.worst}` : ''}`,
          { testid: 'map-cluster', count: marker.count, alerts: marker.alerts, severity: marker.worst ?? '' },
          { label: String(marker.count), size },
        )
          .on('click', () => map.setView([marker.lat, marker.lon], clusters.expansionZoom(marker.id)))
          .addTo(group);
      } else {
        const elder = byId.get(marker.elderId);
        elementMarker([marker.lat, marker.lon], `map-elder${marker.alert ? ` map-elder-${marker.alert}` : ''}`, {
          testid: 'map-elder',
          'elder-id': marker.elderId,
        })
          .bindTooltip(textTooltip(elder?.name ?? ''))
          .on('click', () => navigate(elderPath(marker.elderId)))
          .addTo(group);
      }
    }
  }, [map, clusters, byId, view, navigate]);

  // Open alerts on top, each at its elder, coloured by severity and answer clock.
  const clockKey = [...alerts.values()]
    .map((alert) => `${alert.id}:${answerClock(alert, now, settings).level}`)
    .join(',');
  useEffect(() => {
    const group = layers.current?.alerts;
    if (!map || !group) return;
    group.clearLayers();
    for (const alert of alerts.values()) {
      const elder = byId.get(alert.elder.id);
      if (!elder) continue;
      const clock = answerClock(alert, Date.now(), settings);
      elementMarker(
        [elder.lat, elder.lon],
        `map-alert map-alert-${alert.severity} map-clock-${clock.running ? clock.level : 'claimed'}`,
        {
          testid: 'map-alert',
          'alert-id': alert.id,
          severity: alert.severity,
          clock: clock.running ? clock.level : 'claimed',
        },
        { label: '!', size: 22, pane: 'alerts', raised: true },
      )
        .bindTooltip(textTooltip(`${ruleLabel(alert.rule, locale)} · ${alert.elder.name}`))
        .on('click', () => navigate(casePath(alert.id)))
        .addTo(group);
    }
  }, [map, alerts, byId, clockKey, locale, navigate]);

  return (
    <div className="operations-map">
      {tilesMissing && (
        <p className="map-notice" data-testid="map-tiles-missing" role="status">
          {t('city-map.tiles-missing')}
        </p>
      )}
      <div ref={container} className="map map-large" data-testid="operations-map" />
    </div>
  );
}
