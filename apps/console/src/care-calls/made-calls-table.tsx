import type { CareCallRecord } from '@eldercare/contracts';
import { Link } from 'react-router';
import { casePath, elderPath } from '../app/pages';
import { formatTimeOfDay } from '../i18n/format-time';
import { useI18n } from '../i18n/i18n-context';
import { madeNewestFirst } from './care-call-day';

/** The calls made that day, newest first; a call that raised an alert links to its case. */
export function MadeCallsTable({ made }: { made: CareCallRecord[] }) {
  const { t } = useI18n();
  return (
    <table className="data-table" data-testid="care-call-made">
      <thead>
        <tr>
          <th>{t('care-calls.col.at')}</th>
          <th>{t('care-calls.col.elder')}</th>
          <th>{t('care-calls.col.outcome')}</th>
          <th>{t('care-calls.col.note')}</th>
          <th>{t('care-calls.col.by')}</th>
          <th>{t('care-calls.col.alert')}</th>
        </tr>
      </thead>
      <tbody>
        {madeNewestFirst(made).map((call) => (
          <tr key={call.id} data-testid="care-call-made-row" data-outcome={call.outcome}>
            <td className="mono nowrap">{formatTimeOfDay(call.at)}</td>
            <td>
              <Link to={elderPath(call.elder.id)}>{call.elder.name}</Link>
            </td>
            <td className="nowrap">
              <span className={`outcome-tag outcome-${call.outcome}`}>{t(`care-call-outcome.${call.outcome}`)}</span>
            </td>
            <td>{call.note || <span className="muted">—</span>}</td>
            <td className="nowrap">{call.by.displayName}</td>
            <td className="nowrap">
              {call.alertId ? (
                <Link to={casePath(call.alertId)} className="alert-link" data-testid="care-call-alert-link">
                  {t('care-calls.alert-raised')} →
                </Link>
              ) : (
                <span className="muted">—</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
