import { useState } from 'react';
import type { RegionView } from '../api/regions-api';
import { useI18n } from '../i18n/i18n-context';
import { DEVICE_TYPES } from '../shared/protocol';
import { regionOptions } from '../shared/region-options';
import { NO_DEVICE_FILTERS, type DeviceFilters } from './device-query';

const INDENT = '\u3000';
const STATUSES = ['active', 'retired'] as const;

/** Type, status and region; each choice searches at once. */
export function DeviceFiltersForm({ regions, onSearch }: { regions: RegionView[]; onSearch: (filters: DeviceFilters) => void }) {
  const { t, code } = useI18n();
  const [filters, setFilters] = useState<DeviceFilters>(NO_DEVICE_FILTERS);

  const pick = (name: keyof DeviceFilters) => (event: { target: { value: string } }) => {
    const next = { ...filters, [name]: event.target.value };
    setFilters(next);
    onSearch(next);
  };

  return (
    <form className="filters filters-devices" onSubmit={(event) => event.preventDefault()} data-testid="device-filters">
      <label className="field">
        <span>{t('devices.filter.type')}</span>
        <select value={filters.type} onChange={pick('type')} data-testid="device-filter-type">
          <option value="">{t('history.all')}</option>
          {DEVICE_TYPES.map((type) => (
            <option key={type} value={type}>
              {code('device-type', type)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('devices.filter.status')}</span>
        <select value={filters.status} onChange={pick('status')} data-testid="device-filter-status">
          <option value="">{t('history.all')}</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`device-status.${status}`)}
            </option>
          ))}
        </select>
      </label>
      {regions.length > 0 && (
        <label className="field">
          <span>{t('devices.filter.region')}</span>
          <select value={filters.regionId} onChange={pick('regionId')} data-testid="device-filter-region">
            <option value="">{t('history.all')}</option>
            {regionOptions(regions).map((region) => (
              <option key={region.id} value={region.id}>
                {INDENT.repeat(region.depth)}
                {region.name}
              </option>
            ))}
          </select>
        </label>
      )}
    </form>
  );
}
