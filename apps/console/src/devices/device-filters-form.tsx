import { DEVICE_TYPES } from '@eldercare/protocol';
import type { RegionView } from '../api/regions-api';
import { useI18n } from '../i18n/i18n-context';
import { FilterSelect } from '../shared/filter-select';
import { RegionSelectOptions } from '../shared/region-select-options';
import { useFilterForm } from '../shared/use-filter-form';
import { NO_DEVICE_FILTERS, type DeviceFilters } from './device-query';

const STATUSES = ['active', 'retired'] as const;

/** Type, status and region; each choice searches at once. */
export function DeviceFiltersForm({
  regions,
  onSearch,
}: {
  regions: RegionView[];
  onSearch: (filters: DeviceFilters) => void;
}) {
  const { t, code } = useI18n();
  const { filters, pick } = useFilterForm(NO_DEVICE_FILTERS, onSearch);

  return (
    <form className="filters filters-devices" onSubmit={(event) => event.preventDefault()} data-testid="device-filters">
      <FilterSelect
        label={t('devices.filter.type')}
        value={filters.type}
        onChange={pick('type')}
        testId="device-filter-type"
      >
        {DEVICE_TYPES.map((type) => (
          <option key={type} value={type}>
            {code('device-type', type)}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect
        label={t('devices.filter.status')}
        value={filters.status}
        onChange={pick('status')}
        testId="device-filter-status"
      >
        {STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(`device-status.${status}`)}
          </option>
        ))}
      </FilterSelect>
      {regions.length > 0 && (
        <FilterSelect
          label={t('devices.filter.region')}
          value={filters.regionId}
          onChange={pick('regionId')}
          testId="device-filter-region"
        >
          <RegionSelectOptions regions={regions} />
        </FilterSelect>
      )}
    </form>
  );
}
