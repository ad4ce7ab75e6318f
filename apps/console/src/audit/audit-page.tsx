import type { AuditEntryView } from '@eldercare/contracts';
import { useLocation } from 'react-router';
import { fetchAudit } from '../api/audit-api';
import { ElderPicker } from '../elders/elder-picker';
import { errorText } from '../i18n/error-text';
import { useI18n } from '../i18n/i18n-context';
import { FormError } from '../shared/form-error';
import { LoadMoreButton } from '../shared/load-more-button';
import { useCursorList } from '../shared/use-cursor-list';
import {
  appendEntries,
  auditQuery,
  filtersFromSearch,
  nextBefore,
  NO_AUDIT_FILTERS,
  type AuditFilters,
} from './audit-query';
import { AuditTable } from './audit-table';

/** 审计日志: who read or changed which elder's record, newest first, by elder or by user. */
export function AuditPage() {
  const { t, locale } = useI18n();
  const {
    filters,
    pages,
    loading,
    error,
    search: setFilters,
    more,
  } = useCursorList(
    'audit',
    filtersFromSearch(useLocation().search),
    (http, filters: AuditFilters, before) => fetchAudit(http, auditQuery(filters, before)),
    (page) => nextBefore(page),
  );
  const entries = pages?.reduce<AuditEntryView[]>(appendEntries, []) ?? null;

  const narrow = (filter: Partial<AuditFilters>) => setFilters((current) => ({ ...current, ...filter }));
  // An elder filter from a link has only the id: the entries bring the name.
  const elderName =
    filters.elder &&
    (filters.elder.name ??
      entries?.find((entry) => entry.elder?.id === filters.elder?.id)?.elder?.name ??
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
      {entries && entries.length === 0 && !loading && (
        <p className="page-message muted" data-testid="audit-empty">
          {t('audit.empty')}
        </p>
      )}
      {entries && entries.length > 0 && <AuditTable entries={entries} onFilter={narrow} />}
      {loading && <p className="muted">{t('app.loading')}</p>}
      {more && !loading && <LoadMoreButton onMore={more} testId="audit-more" />}
    </section>
  );
}
