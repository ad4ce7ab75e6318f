import type { ElderPage } from '@contracts/console';
import { useCallback, useEffect, useRef, useState } from 'react';
import { searchElders } from '../api/elders-api';
import { Link } from '../app/link';
import { useSession } from '../app/session-context';
import { errorText } from '../i18n/error-text';
import { useI18n } from '../i18n/i18n-context';
import { can } from '../shared/domain';
import { Pager } from '../shared/pager';
import { useRegions } from '../shared/use-regions';
import { ElderFiltersForm } from './elder-filters-form';
import { ELDER_PAGE_SIZE, elderQuery, NO_ELDER_FILTERS, type ElderFilters } from './elder-query';
import { ElderTable } from './elder-table';

interface Results {
  filters: ElderFilters;
  offset: number;
  page: ElderPage;
}

/** 老人档案: the registry in the user's scope by name, region and category, a page at a time. */
export function EldersPage() {
  const { http, user } = useSession();
  const { t, locale } = useI18n();
  const regions = useRegions() ?? [];
  const [results, setResults] = useState<Results | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const latestRequest = useRef(0);
  const writer = can(user.role, 'elders.write');

  const load = useCallback(
    async (filters: ElderFilters, offset: number) => {
      const request = ++latestRequest.current;
      setLoading(true);
      setError(null);
      try {
        const page = await searchElders(http, elderQuery(filters, offset));
        if (request === latestRequest.current) setResults({ filters, offset, page });
      } catch (failure) {
        if (request === latestRequest.current) setError(failure);
      } finally {
        if (request === latestRequest.current) setLoading(false);
      }
    },
    [http],
  );

  useEffect(() => {
    void load(NO_ELDER_FILTERS, 0);
  }, [load]);

  return (
    <section className="registry" data-testid="elders-page">
      <header className="page-head">
        <h1>{t('elders.title')}</h1>
        {results && (
          <span className="count" data-testid="elders-total">
            {t('elders.total', { count: results.page.total })}
          </span>
        )}
        {writer && (
          <div className="page-actions">
            <Link to="/elders/import" className="button-secondary" data-testid="elders-import-link">
              {t('elders.import')}
            </Link>
            <Link to="/elders/new" className="button-primary" data-testid="elders-new-link">
              {t('elders.new')}
            </Link>
          </div>
        )}
      </header>
      <ElderFiltersForm regions={regions} onSearch={(filters) => void load(filters, 0)} />
      {error !== null && (
        <p className="form-error" role="alert" data-testid="elders-error">
          {errorText(error, locale)}
        </p>
      )}
      {results && results.page.elders.length === 0 && !loading && (
        <p className="page-message muted" data-testid="elders-empty">
          {t('elders.empty')}
        </p>
      )}
      {results && results.page.elders.length > 0 && (
        <div className={loading ? 'is-loading' : undefined}>
          <ElderTable elders={results.page.elders} />
          <Pager
            offset={results.offset}
            limit={ELDER_PAGE_SIZE}
            shown={results.page.elders.length}
            total={results.page.total}
            onPage={(offset) => void load(results.filters, offset)}
            testId="elders-pager"
          />
        </div>
      )}
      {loading && !results && <p className="muted">{t('app.loading')}</p>}
    </section>
  );
}
