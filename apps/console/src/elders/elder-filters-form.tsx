import { useState, type FormEvent } from 'react';
import type { RegionView } from '../api/regions-api';
import { useI18n } from '../i18n/i18n-context';
import { categoryLabel } from '../i18n/labels';
import { ELDER_CATEGORIES } from '../shared/domain';
import { regionOptions } from '../shared/region-options';
import { NO_ELDER_FILTERS, type ElderFilters } from './elder-query';

const INDENT = '\u3000';

/** Name, region and category. The pickers search as soon as they change; the name on Enter or the button. */
export function ElderFiltersForm({ regions, onSearch }: { regions: RegionView[]; onSearch: (filters: ElderFilters) => void }) {
  const { t, locale } = useI18n();
  const [filters, setFilters] = useState<ElderFilters>(NO_ELDER_FILTERS);

  const pick = (name: 'regionId' | 'category') => (event: { target: { value: string } }) => {
    const next = { ...filters, [name]: event.target.value };
    setFilters(next);
    onSearch(next);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(filters);
  };

  const reset = () => {
    setFilters(NO_ELDER_FILTERS);
    onSearch(NO_ELDER_FILTERS);
  };

  return (
    <form className="filters filters-elders" onSubmit={submit} data-testid="elder-filters">
      <label className="field">
        <span>{t('elders.filter.name')}</span>
        <input
          type="search"
          value={filters.q}
          onChange={(event) => setFilters({ ...filters, q: event.target.value })}
          placeholder={t('elders.filter.name-hint')}
          data-testid="elder-filter-name"
        />
      </label>
      {regions.length > 0 && (
        <label className="field">
          <span>{t('elders.filter.region')}</span>
          <select value={filters.regionId} onChange={pick('regionId')} data-testid="elder-filter-region">
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
      <label className="field">
        <span>{t('elders.filter.category')}</span>
        <select value={filters.category} onChange={pick('category')} data-testid="elder-filter-category">
          <option value="">{t('history.all')}</option>
          {Object.keys(ELDER_CATEGORIES).map((category) => (
            <option key={category} value={category}>
              {categoryLabel(category, locale)}
            </option>
          ))}
        </select>
      </label>
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
