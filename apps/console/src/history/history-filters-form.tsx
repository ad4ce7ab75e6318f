import { ALERT_OUTCOMES, RULE_CODES } from '@eldercare/domain';
import type { RegionView } from '../api/regions-api';
import { useI18n } from '../i18n/i18n-context';
import { outcomeLabel, ruleLabel } from '../i18n/labels';
import { FilterSelect } from '../shared/filter-select';
import { RegionSelectOptions } from '../shared/region-select-options';
import { useFilterForm } from '../shared/use-filter-form';
import { NO_FILTERS, type HistoryFilters } from './history-query';

const STATUSES = ['raised', 'acknowledged', 'cancelled-by-elder', 'resolved'] as const;

export function HistoryFiltersForm({
  regions,
  onSearch,
}: {
  regions: RegionView[];
  onSearch: (filters: HistoryFilters) => void;
}) {
  const { t, locale } = useI18n();
  const { filters, change, submit, reset } = useFilterForm(NO_FILTERS, onSearch);

  return (
    <form className="history-filters" onSubmit={submit} data-testid="history-filters">
      <FilterSelect label={t('history.rule')} value={filters.rule} onChange={change('rule')} testId="history-rule">
        {RULE_CODES.map((rule) => (
          <option key={rule} value={rule}>
            {ruleLabel(rule, locale)}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect
        label={t('history.status')}
        value={filters.status}
        onChange={change('status')}
        testId="history-status"
      >
        {STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(`status.${status}`)}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect
        label={t('history.outcome')}
        value={filters.outcome}
        onChange={change('outcome')}
        testId="history-outcome"
      >
        {Object.keys(ALERT_OUTCOMES).map((outcome) => (
          <option key={outcome} value={outcome}>
            {outcomeLabel(outcome, locale)}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect
        label={t('history.region')}
        value={filters.regionId}
        onChange={change('regionId')}
        testId="history-region"
      >
        <RegionSelectOptions regions={regions} />
      </FilterSelect>
      <label className="field">
        <span>{t('history.elder')}</span>
        <input type="search" value={filters.elder} onChange={change('elder')} data-testid="history-elder" />
      </label>
      <label className="field">
        <span>{t('history.from')}</span>
        <input type="date" value={filters.from} onChange={change('from')} data-testid="history-from" />
      </label>
      <label className="field">
        <span>{t('history.to')}</span>
        <input type="date" value={filters.to} onChange={change('to')} data-testid="history-to" />
      </label>
      <div className="history-actions">
        <button type="submit" className="button-primary" data-testid="history-search">
          {t('history.search')}
        </button>
        <button type="button" className="button-quiet" onClick={reset} data-testid="history-reset">
          {t('history.reset')}
        </button>
      </div>
    </form>
  );
}
