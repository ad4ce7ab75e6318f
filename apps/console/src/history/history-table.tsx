import type { AlertView } from '@eldercare/contracts';
import { Link } from 'react-router';
import { casePath } from '../app/pages';
import { formatDateTime, formatDuration } from '../i18n/format-time';
import { useI18n } from '../i18n/i18n-context';
import { outcomeLabel, ruleLabel } from '../i18n/labels';
import { SeverityBadge } from '../queue/severity-badge';

const secondsBetween = (from: string, to: string) =>
  Math.max(0, Math.floor((Date.parse(to) - Date.parse(from)) / 1000));

export function HistoryTable({ alerts }: { alerts: AlertView[] }) {
  const { t, locale } = useI18n();
  return (
    <table className="history-table" data-testid="history-table">
      <thead>
        <tr>
          <th>{t('history.col.raised')}</th>
          <th>{t('history.col.severity')}</th>
          <th>{t('history.col.rule')}</th>
          <th>{t('history.col.elder')}</th>
          <th>{t('history.col.place')}</th>
          <th>{t('history.col.status')}</th>
          <th>{t('history.col.claimed')}</th>
          <th>{t('history.col.answer')}</th>
          <th>{t('history.col.outcome')}</th>
          <th>{t('history.col.resolved')}</th>
        </tr>
      </thead>
      <tbody>
        {alerts.map((alert) => (
          <tr key={alert.id} data-testid="history-row" data-alert-id={alert.id}>
            <td className="mono">
              <Link to={casePath(alert.id)}>{formatDateTime(alert.raisedAt)}</Link>
            </td>
            <td>
              <SeverityBadge severity={alert.severity} />
            </td>
            <td>
              <Link to={casePath(alert.id)}>{ruleLabel(alert.rule, locale)}</Link>
            </td>
            <td>
              {alert.elder.name} <span className="muted">{t('elder.age', { age: alert.elder.age })}</span>
            </td>
            <td>
              {alert.place.community} <span className="muted">{alert.place.street}</span>
            </td>
            <td>
              <span className={`status status-${alert.status}`}>{t(`status.${alert.status}`)}</span>
            </td>
            <td>{alert.claimedBy?.displayName ?? '—'}</td>
            <td className="mono">
              {alert.acknowledgedAt
                ? formatDuration(secondsBetween(alert.raisedAt, alert.acknowledgedAt), locale)
                : '—'}
            </td>
            <td data-testid="history-outcome-cell">
              {alert.outcome ? outcomeLabel(alert.outcome, locale) : '—'}
              {alert.reason && <span className="muted history-reason"> {alert.reason}</span>}
            </td>
            <td className="mono">{alert.resolvedAt ? formatDateTime(alert.resolvedAt) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
