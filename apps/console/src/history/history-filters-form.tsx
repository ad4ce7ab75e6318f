import { useState, type FormEvent } from 'react';
import type { RegionView } from '../api/regions-api';
import { useI18n } from '../i18n/i18n-context';
import { outcomeLabel, ruleLabel } from '../i18n/labels';
import { ALERT_OUTCOMES, RULE_CODES } from '../shared/domain';
import { regionOptions } from '../shared/region-options';
import { NO_FILTERS, type HistoryFilters } from './history-query';

const STATUSES = ['raised', 'acknowledged', 'cancelled-by-elder', 'resolved'] as const;
const INDENT = '\u3000';

export function HistoryFiltersForm({ regions, onSearch }: { regions: RegionView[]; onSearch: (filters: HistoryFilters) => void }) {
  const { t, locale } = useI18n();
  const [filters, setFilters] = useState<HistoryFilters>(NO_FILTERS);
  const set = (name: keyof HistoryFilters) => (event: { target: { value: string } }) => setFilters({ ...filters, [name]: event.target.value });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(filters);
  };

  const reset = () => {
    setFilters(NO_FILTERS);
    onSearch(NO_FILTERS);
  };

  return (
    <form className="history-filters" onSubmit={submit} data-testid="history-filters">
      <label className="field">
        <span>{t('history.rule')}</span>
        <select value={filters.rule} onChange={set('rule')} data-testid="history-rule">
          <option value="">{t('history.all')}</option>
          {RULE_CODES.map((rule) => (
            <option key={rule} value={rule}>
              {ruleLabel(rule, locale)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('history.status')}</span>
        <select value={filters.status} onChange={set('status')} data-testid="history-status">
          <option value="">{t('history.all')}</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('history.outcome')}</span>
        <select value={filters.outcome} onChange={set('outcome')} data-testid="history-outcome">
          <option value="">{t('history.all')}</option>
          {Object.keys(ALERT_OUTCOMES).map((outcome) => (
            <option key={outcome} value={outcome}>
              {outcomeLabel(outcome, locale)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('history.region')}</span>
        <select value={filters.regionId} onChange={set('regionId')} data-testid="history-region">
          <option value="">{t('history.all')}</option>
          {regionOptions(regions).map((region) => (
            <option key={region.id} value={region.id}>
              {INDENT.repeat(region.depth)}
              {region.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('history.elder')}</span>
        <input type="search" value={filters.elder} onChange={set('elder')} data-testid="history-elder" />
      </label>
      <label className="field">
        <span>{t('history.from')}</span>
        <input type="date" value={filters.from} onChange={set('from')} data-testid="history-from" />
      </label>
      <label className="field">
        <span>{t('history.to')}</span>
        <input type="date" value={filters.to} onChange={set('to')} data-testid="history-to" />
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
