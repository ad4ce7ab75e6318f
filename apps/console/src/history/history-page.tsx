import type { AlertView } from '@contracts/console';
import { useCallback, useEffect, useRef, useState } from 'react';
import { searchAlerts } from '../api/history-api';
import { fetchRegions, type RegionView } from '../api/regions-api';
import { useSession } from '../app/session-context';
import { errorText } from '../i18n/error-text';
import { useI18n } from '../i18n/i18n-context';
import { HistoryFiltersForm } from './history-filters-form';
import { historyQuery, NO_FILTERS, type HistoryFilters } from './history-query';
import { HistoryTable } from './history-table';

interface Results {
  filters: HistoryFilters;
  alerts: AlertView[];
  nextBefore: string | null;
}

/** 历史警情: past alerts by rule, status, outcome, region, elder and day, a page at a time. */
export function HistoryPage() {
  const { http } = useSession();
  const { t, locale } = useI18n();
  const [regions, setRegions] = useState<RegionView[]>([]);
  const [results, setResults] = useState<Results | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const latestRequest = useRef(0);

  const load = useCallback(
    async (filters: HistoryFilters, before: string | null, earlier: AlertView[]) => {
      const request = ++latestRequest.current;
      setLoading(true);
      setError(null);
      try {
        const page = await searchAlerts(http, historyQuery(filters, before));
        if (request === latestRequest.current) setResults({ filters, alerts: [...earlier, ...page.alerts], nextBefore: page.nextBefore });
      } catch (failure) {
        if (request === latestRequest.current) setError(failure);
      } finally {
        if (request === latestRequest.current) setLoading(false);
      }
    },
    [http],
  );

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
      {error !== null && (
        <p className="form-error" role="alert" data-testid="history-error">
          {errorText(error, locale)}
        </p>
      )}
      {results && results.alerts.length === 0 && !loading && (
        <p className="page-message muted" data-testid="history-empty">
          {t('history.empty')}
        </p>
      )}
      {results && results.alerts.length > 0 && <HistoryTable alerts={results.alerts} />}
      {loading && <p className="muted">{t('app.loading')}</p>}
      {results?.nextBefore && !loading && (
        <button
          type="button"
          className="button-secondary history-more"
          onClick={() => void load(results.filters, results.nextBefore, results.alerts)}
          data-testid="history-more"
        >
          {t('history.more')}
        </button>
      )}
    </section>
  );
}
