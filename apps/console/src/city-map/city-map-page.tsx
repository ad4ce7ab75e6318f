import { useQuery } from '@tanstack/react-query';
import { useMemo, useState, useSyncExternalStore } from 'react';
import { fetchOperationsMap } from '../api/city-map-api';
import { fetchConsoleSettings, FALLBACK_SETTINGS } from '../api/console-settings-api';
import { useConsole } from '../app/console-session';
import { useSession } from '../app/session-context';
import { errorText } from '../i18n/error-text';
import { useI18n } from '../i18n/i18n-context';
import { categoryLabel } from '../i18n/labels';
import { FormError } from '../shared/form-error';
import { RegionSelectOptions } from '../shared/region-select-options';
import { useNow } from '../shared/use-now';
import { useRegions } from '../shared/use-regions';
import { ELDER_CATEGORIES } from '@eldercare/domain';
import { EMPTY_QUEUE } from '../queue/queue-state';
import type { QueueStore } from '../queue/queue-store';
import { filterElders, NO_FILTERS, worstAlertByElder, type MapFilters } from './map-filters';
import { OperationsMap } from './operations-map';
import { spreadCoincident } from './spread-coincident';

/** The bureau has no live queue: its map shows no open alerts. */
const noQueue: Pick<QueueStore, 'subscribe' | 'current'> = {
  subscribe: () => () => undefined,
  current: () => EMPTY_QUEUE,
};

/**
 * 运营地图: the elders of the user's scope on a map with their open alerts live from the queue's socket feed (for
 * the dispatch roles; the bureau sees the map without the live queue), caregivers on duty, stations, canteens, outlines.
 */
export function CityMapPage() {
  const { http } = useSession();
  const { t, locale } = useI18n();
  const dispatch = useConsole();
  const regions = useRegions();
  const now = useNow();
  const [filters, setFilters] = useState<MapFilters>(NO_FILTERS);
  const queue = dispatch?.queue ?? noQueue;
  const { alerts } = useSyncExternalStore(queue.subscribe, queue.current);
  const { data, error } = useQuery({ queryKey: ['operations-map'], queryFn: () => fetchOperationsMap(http) });
  const { data: fetchedSettings } = useQuery({
    queryKey: ['console-settings'],
    queryFn: () => fetchConsoleSettings(http).catch(() => FALLBACK_SETTINGS),
    enabled: dispatch === null,
  });
  const settings = dispatch?.settings ?? fetchedSettings;

  const worst = useMemo(() => worstAlertByElder(alerts), [alerts]);
  const shown = useMemo(
    () => (data ? spreadCoincident(filterElders(data.elders, worst, filters)) : []),
    [data, worst, filters],
  );
  const shownAlerts = useMemo(() => {
    const ids = new Set(shown.map((elder) => elder.id));
    return new Map([...worst].filter(([elderId]) => ids.has(elderId)));
  }, [worst, shown]);
  const set = (change: Partial<MapFilters>) => setFilters((current) => ({ ...current, ...change }));

  return (
    <section className="city-map-page" data-testid="city-map-page">
      <header className="page-head">
        <h1>{t('city-map.title')}</h1>
        <label className="field field-inline">
          <span>{t('city-map.region')}</span>
          <select
            value={filters.regionId}
            onChange={(event) => set({ regionId: event.target.value })}
            data-testid="map-filter-region"
          >
            <option value="">{t('reports.all-regions')}</option>
            <RegionSelectOptions regions={regions ?? []} />
          </select>
        </label>
        <label className="field field-inline">
          <span>{t('city-map.category')}</span>
          <select
            value={filters.category}
            onChange={(event) => set({ category: event.target.value })}
            data-testid="map-filter-category"
          >
            <option value="">{t('city-map.any')}</option>
            {Object.keys(ELDER_CATEGORIES).map((category) => (
              <option key={category} value={category}>
                {categoryLabel(category, locale)}
              </option>
            ))}
          </select>
        </label>
        <label className="field field-inline">
          <span>{t('city-map.alerts')}</span>
          <select
            value={filters.alerts}
            onChange={(event) => set({ alerts: event.target.value as MapFilters['alerts'] })}
            data-testid="map-filter-alerts"
          >
            <option value="all">{t('city-map.any')}</option>
            <option value="open">{t('city-map.alerts-open')}</option>
            <option value="unclaimed">{t('city-map.alerts-unclaimed')}</option>
            <option value="none">{t('city-map.alerts-none')}</option>
          </select>
        </label>
        <label className="field field-inline">
          <span>{t('city-map.devices')}</span>
          <select
            value={filters.devices}
            onChange={(event) => set({ devices: event.target.value as MapFilters['devices'] })}
            data-testid="map-filter-devices"
          >
            <option value="all">{t('city-map.any')}</option>
            <option value="offline">{t('city-map.devices-offline')}</option>
            <option value="low-battery">{t('city-map.devices-low-battery')}</option>
          </select>
        </label>
        <span className="muted" data-testid="map-shown-count">
          {t('city-map.shown', { count: shown.length })}
        </span>
      </header>
      {data?.coarse && <p className="muted">{t('city-map.coarse')}</p>}
      <FormError message={error === null ? null : errorText(error, locale)} testId="map-error" />
      {data && settings ? (
        <OperationsMap data={data} elders={shown} alerts={shownAlerts} now={now} settings={settings} />
      ) : (
        error === null && <p className="muted">{t('app.loading')}</p>
      )}
    </section>
  );
}
