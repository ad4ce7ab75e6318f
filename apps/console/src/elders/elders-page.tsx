import { can } from '@eldercare/domain';
import { Link } from 'react-router';
import { searchElders } from '../api/elders-api';
import { useSession } from '../app/session-context';
import { errorText } from '../i18n/error-text';
import { useI18n } from '../i18n/i18n-context';
import { FormError } from '../shared/form-error';
import { Pager } from '../shared/pager';
import { usePagedList } from '../shared/use-paged-list';
import { useRegions } from '../shared/use-regions';
import { ElderFiltersForm } from './elder-filters-form';
import { ELDER_PAGE_SIZE, elderQuery, NO_ELDER_FILTERS } from './elder-query';
import { ElderTable } from './elder-table';

/** 老人档案: the registry in the user's scope by name, region and category, a page at a time. */
export function EldersPage() {
  const { user } = useSession();
  const { t, locale } = useI18n();
  const regions = useRegions() ?? [];
  const { results, loading, error, load } = usePagedList('elders', NO_ELDER_FILTERS, (http, filters, offset: number) =>
    searchElders(http, elderQuery(filters, offset)),
  );
  const writer = can(user.role, 'elders.write');

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
      <ElderFiltersForm regions={regions} onSearch={(filters) => load(filters, 0)} />
      <FormError message={error === null ? null : errorText(error, locale)} testId="elders-error" />
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
            onPage={(offset) => load(results.filters, offset)}
            testId="elders-pager"
          />
        </div>
      )}
      {loading && !results && <p className="muted">{t('app.loading')}</p>}
    </section>
  );
}
