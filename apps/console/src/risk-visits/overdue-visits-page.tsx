import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { fetchOverdueVisits } from '../api/risk-visits-api';
import { elderPath } from '../app/pages';
import { useSession } from '../app/session-context';
import { errorText } from '../i18n/error-text';
import { formatDateTime } from '../i18n/format-time';
import { useI18n } from '../i18n/i18n-context';
import { FormError } from '../shared/form-error';

/** 巡访逾期: the elders at risk of the user's regions whose visit is overdue, most overdue first, with their pair. */
export function OverdueVisitsPage() {
  const { http } = useSession();
  const { t, locale } = useI18n();
  const overdue = useQuery({ queryKey: ['risk-visits', 'overdue'], queryFn: () => fetchOverdueVisits(http) });
  return (
    <section data-testid="overdue-visits-page">
      <header className="page-head">
        <h1>{t('pair.overdue-title')}</h1>
      </header>
      <FormError message={overdue.error ? errorText(overdue.error, locale) : null} />
      {overdue.data?.length === 0 && <p className="muted">{t('pair.none-overdue')}</p>}
      <table className="table">
        <thead>
          <tr>
            <th>{t('time-bank.elder')}</th>
            <th>{t('time-bank.community')}</th>
            <th>{t('pair.risk')}</th>
            <th>{t('pair.title')}</th>
            <th>{t('pair.last-visit')}</th>
            <th>{t('pair.days-overdue')}</th>
          </tr>
        </thead>
        <tbody>
          {(overdue.data ?? []).map((row) => (
            <tr key={row.elder.id} data-testid="overdue-visit-row">
              <td>
                <Link to={elderPath(row.elder.id)}>{row.elder.name}</Link>
              </td>
              <td>{row.elder.community}</td>
              <td>{t(`risk-level.${row.riskLevel}`)}</td>
              <td>
                {t(`pair-kind.${row.pair.kind}`)} {row.pair.name} <a href={`tel:${row.pair.phone}`}>{row.pair.phone}</a>
              </td>
              <td className="mono">{row.lastVisitAt ? formatDateTime(row.lastVisitAt) : '—'}</td>
              <td className="mono">{row.daysOverdue}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
