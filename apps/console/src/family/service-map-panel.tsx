import { useQuery } from '@tanstack/react-query';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { fetchServiceMap } from '../api/city-map-api';
import { fetchConsoleSettings, FALLBACK_SETTINGS } from '../api/console-settings-api';
import { useSession } from '../app/session-context';
import { yuanOf } from '../bookings/booking-calendar';
import { elementMarker, textTooltip, tilesOrNotice } from '../city-map/map-canvas';
import { useI18n } from '../i18n/i18n-context';
import { serviceLabel } from '../i18n/labels';
import { Panel } from '../shared/panel';

/** Distance in words a family reads: 350 米, 1.2 公里. */
function distanceText(metres: number, unit: { m: string; km: string }): string {
  return metres < 1000 ? `${metres} ${unit.m}` : `${(metres / 1000).toFixed(1)} ${unit.km}`;
}

/**
 * 养老服务地图: around the elder's home, nearest first, the community canteens with their meal times, today's set-meal
 * price and what the elder pays after the subsidy, and the providers' stations with the services offered, a number
 * to call and a button per published offer that opens the booking form with that offer chosen (`onBook`).
 */
export function ServiceMapPanel({ elderId, onBook }: { elderId: string; onBook: (offerId: string) => void }) {
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
    for (const canteen of data.canteens)
      elementMarker([canteen.lat, canteen.lon], 'map-canteen', { testid: 'service-map-canteen' }, { size: 14 })
        .bindTooltip(textTooltip(`${canteen.name} · ${canteen.provider.name}`))
        .addTo(map);
    return () => {
      map.remove();
    };
  }, [data, settings, t]);

  if (!data) return null;
  const unit = { m: t('service-map.metres'), km: t('service-map.kilometres') };
  const distance = (metres: number | null) =>
    metres !== null && (
      <span className="count" data-testid="service-map-distance">
        {distanceText(metres, unit)}
      </span>
    );
  return (
    <Panel title={t('service-map.title')} testId="service-map">
      {data.home && <div ref={container} className="map" />}
      <h4>{t('service-map.canteens')}</h4>
      {data.canteens.length === 0 && <p className="muted">{t('service-map.no-canteens')}</p>}
      <ul className="plain-list">
        {data.canteens.map((canteen) => (
          <li key={canteen.id} data-testid="service-map-canteen-row">
            <strong>{canteen.name}</strong> <span className="muted">{canteen.provider.name}</span>
            {distance(canteen.distanceM)}
            <div className="muted">
              {canteen.periods
                .map((period) => `${t(`meal-period.${period.period}`)} ${period.opens}–${period.closes}`)
                .join('、')}
              {canteen.address && ` · ${canteen.address}`}
            </div>
            <div data-testid="service-map-meal-price">
              {t('service-map.meal-price', { price: yuanOf(canteen.priceCents), pay: yuanOf(canteen.selfPayCents) })}
            </div>
          </li>
        ))}
      </ul>
      <h4>{t('service-map.stations')}</h4>
      {data.stations.length === 0 && <p className="muted">{t('service-map.none')}</p>}
      <ul className="plain-list">
        {data.stations.map((station) => (
          <li key={station.id} data-testid="service-map-row">
            <strong>{station.name}</strong> <span className="muted">{station.provider.name}</span>
            {distance(station.distanceM)}
            <div className="muted">
              {station.services.map((service) => serviceLabel(service, locale)).join('、')}
              {station.address && ` · ${station.address}`}
            </div>
            {station.phone && (
              <a className="button-link small" href={`tel:${station.phone}`} data-testid="service-map-call">
                {t('service-map.call', { phone: station.phone })}
              </a>
            )}
            {station.offers.map((offer) => (
              <button
                key={offer.id}
                type="button"
                className="small"
                onClick={() => onBook(offer.id)}
                data-testid="service-map-book"
              >
                {t('service-map.book', {
                  service: serviceLabel(offer.service, locale),
                  price: yuanOf(offer.priceCents),
                })}
              </button>
            ))}
          </li>
        ))}
      </ul>
    </Panel>
  );
}
