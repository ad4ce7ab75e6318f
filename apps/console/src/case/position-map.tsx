import type { AlertCase } from '@eldercare/contracts';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';
import type { ConsoleSettings } from '../api/console-settings-api';
import { formatDateTime } from '../i18n/format-time';
import { useI18n } from '../i18n/i18n-context';
import { Panel } from '../shared/panel';

type Point = { lat: number; lon: number };

const ZOOM = 16;
const coordinates = (point: Point) => `${point.lat.toFixed(5)}, ${point.lon.toFixed(5)}`;

/**
 * Where the elder was last located (or lives). Markers are drawn as vectors, not image icons, and the coordinates
 * are written under the map: with no tile server reachable the operator still has the position.
 */
export function PositionMap({
  position,
  home,
  settings,
}: {
  position: AlertCase['lastPosition'];
  home: Point | null;
  settings: Pick<ConsoleSettings, 'tileUrl' | 'tileAttribution'>;
}) {
  const { t } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const focus = position ?? home;

  useEffect(() => {
    if (!container.current || !focus) return;
    const map = L.map(container.current, { zoomControl: true, attributionControl: true }).setView(
      [focus.lat, focus.lon],
      ZOOM,
    );
    if (settings.tileUrl !== '')
      L.tileLayer(settings.tileUrl, { attribution: settings.tileAttribution, maxZoom: 19 }).addTo(map);
    if (home && position) {
      L.circleMarker([home.lat, home.lon], {
        radius: 6,
        color: '#1f5f8b',
        weight: 2,
        fillColor: '#ffffff',
        fillOpacity: 1,
      })
        .bindTooltip(t('map.home'))
        .addTo(map);
    }
    if (position?.accuracyM) {
      L.circle([position.lat, position.lon], {
        radius: position.accuracyM,
        color: '#c0392b',
        weight: 1,
        fillOpacity: 0.08,
      }).addTo(map);
    }
    L.circleMarker([focus.lat, focus.lon], {
      radius: 9,
      color: '#ffffff',
      weight: 3,
      fillColor: position ? '#c0392b' : '#1f5f8b',
      fillOpacity: 1,
    })
      .bindTooltip(position ? t('map.last-position', { time: formatDateTime(position.at) }) : t('map.home'))
      .addTo(map);
    return () => {
      map.remove();
    };
    // Redrawn when what is drawn changes, not each time a refreshed case brings equal positions in new objects.
  }, [JSON.stringify([position, home]), settings.tileUrl, settings.tileAttribution, t]);

  return (
    <Panel title={t('map.title')} testId="case-map">
      {focus ? (
        <>
          <div ref={container} className="map" data-testid="map-canvas" />
          <p className="map-caption" data-testid="map-coordinates">
            <span className="mono">{coordinates(focus)}</span>
            {position ? (
              <>
                {position.accuracyM !== null && (
                  <span className="muted">{t('map.accuracy', { value: Math.round(position.accuracyM) })}</span>
                )}
                <span className="muted">{t('map.last-position', { time: formatDateTime(position.at) })}</span>
              </>
            ) : (
              <span className="muted">{t('map.home')}</span>
            )}
          </p>
          {position && home && (
            <p className="map-caption muted">
              {t('map.home')} <span className="mono">{coordinates(home)}</span>
            </p>
          )}
        </>
      ) : (
        <p className="muted">{t('map.none')}</p>
      )}
    </Panel>
  );
}
