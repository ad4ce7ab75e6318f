import type { AuditEntryView } from '@contracts/console';
import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchAudit } from '../api/audit-api';
import { useSession } from '../app/session-context';
import { ElderPicker } from '../elders/elder-picker';
import { errorText } from '../i18n/error-text';
import { useI18n } from '../i18n/i18n-context';
import { appendEntries, auditQuery, filtersFromSearch, nextBefore, NO_AUDIT_FILTERS, type AuditFilters } from './audit-query';
import { AuditTable } from './audit-table';

interface Results {
  filters: AuditFilters;
  entries: AuditEntryView[];
  nextBefore: string | null;
}

/** 审计日志: who read or changed which elder's record, newest first, by elder or by user. */
export function AuditPage() {
  const { http } = useSession();
  const { t, locale } = useI18n();
  const [filters, setFilters] = useState<AuditFilters>(() => filtersFromSearch(window.location.search));
  const [results, setResults] = useState<Results | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const latestRequest = useRef(0);

  const load = useCallback(
    async (wanted: AuditFilters, before: string | null, earlier: AuditEntryView[]) => {
      const request = ++latestRequest.current;
      setLoading(true);
      setError(null);
      try {
        const page = await fetchAudit(http, auditQuery(wanted, before));
        if (request === latestRequest.current) setResults({ filters: wanted, entries: appendEntries(earlier, page), nextBefore: nextBefore(page) });
      } catch (failure) {
        if (request === latestRequest.current) setError(failure);
      } finally {
        if (request === latestRequest.current) setLoading(false);
      }
    },
    [http],
  );

  useEffect(() => {
    void load(filters, null, []);
  }, [load, filters]);

  const narrow = (filter: Partial<AuditFilters>) => setFilters((current) => ({ ...current, ...filter }));
  // An elder filter from a link has only the id: the entries bring the name.
  const elderName = filters.elder && (filters.elder.name ?? results?.entries.find((entry) => entry.elder?.id === filters.elder?.id)?.elder?.name ?? t('audit.this-elder'));

  return (
    <section className="registry" data-testid="audit-page">
      <header className="page-head">
        <h1>{t('audit.title')}</h1>
        <span className="muted">{t('audit.subtitle')}</span>
      </header>
      <div className="filters filters-audit" data-testid="audit-filters">
        <div className="field">
          <span>{t('audit.filter.elder')}</span>
          <ElderPicker
            value={filters.elder && elderName ? [{ id: filters.elder.id, name: elderName }] : []}
            onChange={(value) => narrow({ elder: value[0] ? { id: value[0].id, name: value[0].name } : null })}
            testId="audit-elder-filter"
          />
        </div>
        {filters.user && (
          <div className="field">
            <span>{t('audit.filter.user')}</span>
            <div className="picker">
              <span className="chip" data-testid="audit-user-filter">
                {filters.user.name}
                <button type="button" className="chip-remove" onClick={() => narrow({ user: null })} aria-label={t('picker.remove', { name: filters.user.name })} data-testid="audit-user-filter-remove">
                  ×
                </button>
              </span>
            </div>
          </div>
        )}
        {(filters.elder || filters.user) && (
          <div className="filter-actions">
            <button type="button" className="button-plain" onClick={() => setFilters(NO_AUDIT_FILTERS)} data-testid="audit-reset">
              {t('history.reset')}
            </button>
          </div>
        )}
      </div>
      {error !== null && (
        <p className="form-error" role="alert" data-testid="audit-error">
          {errorText(error, locale)}
        </p>
      )}
      {results && results.entries.length === 0 && !loading && (
        <p className="page-message muted" data-testid="audit-empty">
          {t('audit.empty')}
        </p>
      )}
      {results && results.entries.length > 0 && <AuditTable entries={results.entries} onFilter={narrow} />}
      {loading && <p className="muted">{t('app.loading')}</p>}
      {results?.nextBefore && !loading && (
        <button
          type="button"
          className="button-secondary history-more"
          onClick={() => void load(results.filters, results.nextBefore, results.entries)}
          data-testid="audit-more"
        >
          {t('history.more')}
        </button>
      )}
    </section>
  );
}
