import { useQuery } from '@tanstack/react-query';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { fetchServiceMap } from '../api/city-map-api';
import { fetchConsoleSettings, FALLBACK_SETTINGS } from '../api/console-settings-api';
import { useSession } from '../app/session-context';
import { elementMarker, textTooltip, tilesOrNotice } from '../city-map/map-canvas';
import { useI18n } from '../i18n/i18n-context';
import { serviceLabel } from '../i18n/labels';
import { Panel } from '../shared/panel';

/** Distance in words a family reads: 350 米, 1.2 公里. */
function distanceText(metres: number, unit: { m: string; km: string }): string {
  return metres < 1000 ? `${metres} ${unit.m}` : `${(metres / 1000).toFixed(1)} ${unit.km}`;
}

/**
 * 养老服务地图: the providers' stations around the elder's home, nearest first, with the services offered and a
 * number to call. Canteens (meal times, today's menu price) and booking are their own modules: when they come, their
 * points join this map and a station's row gets its booking button beside the call.
 */
export function ServiceMapPanel({ elderId }: { elderId: string }) {
  const { http } = useSession();
  const { t, locale } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const { data } = useQuery({ queryKey: ['service-map', elderId], queryFn: () => fetchServiceMap(http, elderId) });
  const { data: settings } = useQuery({
    queryKey: ['console-settings'],
    queryFn: () => fetchConsoleSettings(http).catch(() => FALLBACK_SETTINGS),
  });

  useEffect(() => {
    if (!container.current || !data?.home || !settings) return;
    const map = L.map(container.current).setView([data.home.lat, data.home.lon], 15);
    tilesOrNotice(map, settings.tileUrl, settings.tileAttribution, () => undefined);
    elementMarker([data.home.lat, data.home.lon], 'map-elder', { testid: 'service-map-home' })
      .bindTooltip(textTooltip(t('map.home')))
      .addTo(map);
    for (const station of data.stations)
      elementMarker([station.lat, station.lon], 'map-station', { testid: 'service-map-station' }, { size: 14 })
        .bindTooltip(textTooltip(`${station.name} · ${station.provider.name}`))
        .addTo(map);
    return () => {
      map.remove();
    };
  }, [data, settings, t]);

  if (!data) return null;
  const unit = { m: t('service-map.metres'), km: t('service-map.kilometres') };
  return (
    <Panel title={t('service-map.title')} testId="service-map">
      {data.home && <div ref={container} className="map" />}
      {data.stations.length === 0 && <p className="muted">{t('service-map.none')}</p>}
      <ul className="plain-list">
        {data.stations.map((station) => (
          <li key={station.id} data-testid="service-map-row">
            <strong>{station.name}</strong> <span className="muted">{station.provider.name}</span>
            {station.distanceM !== null && (
              <span className="count" data-testid="service-map-distance">
                {distanceText(station.distanceM, unit)}
              </span>
            )}
            <div className="muted">
              {station.services.map((service) => serviceLabel(service, locale)).join('、')}
              {station.address && ` · ${station.address}`}
            </div>
            {station.phone && (
              <a className="button-link small" href={`tel:${station.phone}`} data-testid="service-map-call">
                {t('service-map.call', { phone: station.phone })}
              </a>
            )}
          </li>
        ))}
      </ul>
    </Panel>
  );
}
