import { ELDER_CATEGORIES } from '@eldercare/domain';
import type { RegionView } from '../api/regions-api';
import { useI18n } from '../i18n/i18n-context';
import { categoryLabel } from '../i18n/labels';
import { FilterSelect } from '../shared/filter-select';
import { RegionSelectOptions } from '../shared/region-select-options';
import { useFilterForm } from '../shared/use-filter-form';
import { NO_ELDER_FILTERS, type ElderFilters } from './elder-query';

/** Name, region and category. The pickers search as soon as they change; the name on Enter or the button. */
export function ElderFiltersForm({
  regions,
  onSearch,
}: {
  regions: RegionView[];
  onSearch: (filters: ElderFilters) => void;
}) {
  const { t, locale } = useI18n();
  const { filters, change, pick, submit, reset } = useFilterForm(NO_ELDER_FILTERS, onSearch);

  return (
    <form className="filters filters-elders" onSubmit={submit} data-testid="elder-filters">
      <label className="field">
        <span>{t('elders.filter.name')}</span>
        <input
          type="search"
          value={filters.q}
          onChange={change('q')}
          placeholder={t('elders.filter.name-hint')}
          data-testid="elder-filter-name"
        />
      </label>
      {regions.length > 0 && (
        <FilterSelect
          label={t('elders.filter.region')}
          value={filters.regionId}
          onChange={pick('regionId')}
          testId="elder-filter-region"
        >
          <RegionSelectOptions regions={regions} />
        </FilterSelect>
      )}
      <FilterSelect
        label={t('elders.filter.category')}
        value={filters.category}
        onChange={pick('category')}
        testId="elder-filter-category"
      >
        {Object.keys(ELDER_CATEGORIES).map((category) => (
          <option key={category} value={category}>
            {categoryLabel(category, locale)}
          </option>
        ))}
      </FilterSelect>
      <div className="filter-actions">
        <button type="submit" className="button-primary" data-testid="elder-search">
          {t('history.search')}
        </button>
        <button type="button" className="button-plain" onClick={reset} data-testid="elder-reset">
          {t('history.reset')}
        </button>
      </div>
    </form>
  );
}
