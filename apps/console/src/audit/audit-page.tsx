import type { AuditEntryView } from '@eldercare/contracts';
import { useEffect, useState } from 'react';
import { fetchAudit } from '../api/audit-api';
import type { HttpClient } from '../api/http-client';
import { ElderPicker } from '../elders/elder-picker';
import { errorText } from '../i18n/error-text';
import { useI18n } from '../i18n/i18n-context';
import { FormError } from '../shared/form-error';
import { LoadMoreButton } from '../shared/load-more-button';
import { useLatestLoad } from '../shared/use-latest-load';
import {
  appendEntries,
  auditQuery,
  filtersFromSearch,
  nextBefore,
  NO_AUDIT_FILTERS,
  type AuditFilters,
} from './audit-query';
import { AuditTable } from './audit-table';

interface Results {
  filters: AuditFilters;
  entries: AuditEntryView[];
  nextBefore: string | null;
}

/** The entries after `before` under those already shown (`earlier`). */
async function loadEntries(
  http: HttpClient,
  filters: AuditFilters,
  before: string | null,
  earlier: AuditEntryView[],
): Promise<Results> {
  const page = await fetchAudit(http, auditQuery(filters, before));
  return { filters, entries: appendEntries(earlier, page), nextBefore: nextBefore(page) };
}

/** 审计日志: who read or changed which elder's record, newest first, by elder or by user. */
export function AuditPage() {
  const { t, locale } = useI18n();
  const [filters, setFilters] = useState<AuditFilters>(() => filtersFromSearch(window.location.search));
  const { result: results, loading, error, load } = useLatestLoad(loadEntries);

  useEffect(() => {
    void load(filters, null, []);
  }, [load, filters]);

  const narrow = (filter: Partial<AuditFilters>) => setFilters((current) => ({ ...current, ...filter }));
  // An elder filter from a link has only the id: the entries bring the name.
  const elderName =
    filters.elder &&
    (filters.elder.name ??
      results?.entries.find((entry) => entry.elder?.id === filters.elder?.id)?.elder?.name ??
      t('audit.this-elder'));

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
                <button
                  type="button"
                  className="chip-remove"
                  onClick={() => narrow({ user: null })}
                  aria-label={t('picker.remove', { name: filters.user.name })}
                  data-testid="audit-user-filter-remove"
                >
                  ×
                </button>
              </span>
            </div>
          </div>
        )}
        {(filters.elder || filters.user) && (
          <div className="filter-actions">
            <button
              type="button"
              className="button-plain"
              onClick={() => setFilters(NO_AUDIT_FILTERS)}
              data-testid="audit-reset"
            >
              {t('history.reset')}
            </button>
          </div>
        )}
      </div>
      <FormError message={error === null ? null : errorText(error, locale)} testId="audit-error" />
      {results && results.entries.length === 0 && !loading && (
        <p className="page-message muted" data-testid="audit-empty">
          {t('audit.empty')}
        </p>
      )}
      {results && results.entries.length > 0 && <AuditTable entries={results.entries} onFilter={narrow} />}
      {loading && <p className="muted">{t('app.loading')}</p>}
      {results?.nextBefore && !loading && (
        <LoadMoreButton
          onMore={() => void load(results.filters, results.nextBefore, results.entries)}
          testId="audit-more"
        />
      )}
    </section>
  );
}
