import { searchAlerts } from '../api/history-api';
import { errorText } from '../i18n/error-text';
import { useI18n } from '../i18n/i18n-context';
import { FormError } from '../shared/form-error';
import { LoadMoreButton } from '../shared/load-more-button';
import { useCursorList } from '../shared/use-cursor-list';
import { useRegions } from '../shared/use-regions';
import { HistoryFiltersForm } from './history-filters-form';
import { historyQuery, NO_FILTERS, type HistoryFilters } from './history-query';
import { HistoryTable } from './history-table';

/** 历史警情: past alerts by rule, status, outcome, region, elder and day, a page at a time. */
export function HistoryPage() {
  const { t, locale } = useI18n();
  const regions = useRegions() ?? [];
  const { pages, loading, error, search, more } = useCursorList(
    'history',
    NO_FILTERS,
    (http, filters: HistoryFilters, before) => searchAlerts(http, historyQuery(filters, before)),
    (page) => page.nextBefore,
  );
  const alerts = pages?.flatMap((page) => page.alerts) ?? null;

  return (
    <section className="history" data-testid="history-page">
      <header className="page-head">
        <h1>{t('history.title')}</h1>
      </header>
      <HistoryFiltersForm regions={regions} onSearch={search} />
      <FormError message={error === null ? null : errorText(error, locale)} testId="history-error" />
      {alerts && alerts.length === 0 && !loading && (
        <p className="page-message muted" data-testid="history-empty">
          {t('history.empty')}
        </p>
      )}
      {alerts && alerts.length > 0 && <HistoryTable alerts={alerts} />}
      {loading && <p className="muted">{t('app.loading')}</p>}
      {more && !loading && <LoadMoreButton onMore={more} testId="history-more" />}
    </section>
  );
}
