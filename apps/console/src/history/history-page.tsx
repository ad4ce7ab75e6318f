import type { AlertView } from '@eldercare/contracts';
import { useEffect, useState } from 'react';
import { searchAlerts } from '../api/history-api';
import type { HttpClient } from '../api/http-client';
import { fetchRegions, type RegionView } from '../api/regions-api';
import { useSession } from '../app/session-context';
import { errorText } from '../i18n/error-text';
import { useI18n } from '../i18n/i18n-context';
import { FormError } from '../shared/form-error';
import { LoadMoreButton } from '../shared/load-more-button';
import { useLatestLoad } from '../shared/use-latest-load';
import { HistoryFiltersForm } from './history-filters-form';
import { historyQuery, NO_FILTERS, type HistoryFilters } from './history-query';
import { HistoryTable } from './history-table';

interface Results {
  filters: HistoryFilters;
  alerts: AlertView[];
  nextBefore: string | null;
}

/** The alerts after `before` under those already shown (`earlier`). */
async function loadAlerts(
  http: HttpClient,
  filters: HistoryFilters,
  before: string | null,
  earlier: AlertView[],
): Promise<Results> {
  const page = await searchAlerts(http, historyQuery(filters, before));
  return { filters, alerts: [...earlier, ...page.alerts], nextBefore: page.nextBefore };
}

/** 历史警情: past alerts by rule, status, outcome, region, elder and day, a page at a time. */
export function HistoryPage() {
  const { http } = useSession();
  const { t, locale } = useI18n();
  const [regions, setRegions] = useState<RegionView[]>([]);
  const { result: results, loading, error, load } = useLatestLoad(loadAlerts);

  useEffect(() => {
    fetchRegions(http).then(setRegions, () => setRegions([]));
    void load(NO_FILTERS, null, []);
  }, [http, load]);

  return (
    <section className="history" data-testid="history-page">
      <header className="page-head">
        <h1>{t('history.title')}</h1>
      </header>
      <HistoryFiltersForm regions={regions} onSearch={(filters) => void load(filters, null, [])} />
      <FormError message={error === null ? null : errorText(error, locale)} testId="history-error" />
      {results && results.alerts.length === 0 && !loading && (
        <p className="page-message muted" data-testid="history-empty">
          {t('history.empty')}
        </p>
      )}
      {results && results.alerts.length > 0 && <HistoryTable alerts={results.alerts} />}
      {loading && <p className="muted">{t('app.loading')}</p>}
      {results?.nextBefore && !loading && (
        <LoadMoreButton
          onMore={() => void load(results.filters, results.nextBefore, results.alerts)}
          testId="history-more"
        />
      )}
    </section>
  );
}
