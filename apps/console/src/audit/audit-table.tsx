import type { AuditEntryView } from '@eldercare/contracts';
import { Link } from 'react-router';
import { casePath, elderPath } from '../app/pages';
import { formatDateTime } from '../i18n/format-time';
import { useI18n } from '../i18n/i18n-context';
import { detailLines, subjectTarget } from './audit-entry-text';
import type { AuditFilters } from './audit-query';

/** The entries, newest first; a user's or an elder's name narrows the log to them. */
export function AuditTable({
  entries,
  onFilter,
}: {
  entries: AuditEntryView[];
  onFilter: (filter: Partial<AuditFilters>) => void;
}) {
  const { t, code } = useI18n();

  const subject = (entry: AuditEntryView) => {
    const target = subjectTarget(entry.subject);
    if (!target) return <span className="mono small">{entry.subject}</span>;
    const to = target.kind === 'alert' ? casePath(target.id) : elderPath(target.id);
    return (
      <Link to={to} className="small" data-testid="audit-subject-link">
        {t(`audit.subject-${target.kind}`)}
      </Link>
    );
  };

  return (
    <table className="data-table" data-testid="audit-table">
      <thead>
        <tr>
          <th>{t('audit.col.at')}</th>
          <th>{t('audit.col.user')}</th>
          <th>{t('audit.col.action')}</th>
          <th>{t('audit.col.elder')}</th>
          <th>{t('audit.col.subject')}</th>
          <th>{t('audit.col.detail')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id} data-testid="audit-row" data-entry-id={entry.id} data-action={entry.action}>
            <td className="mono nowrap">{formatDateTime(entry.at)}</td>
            <td className="nowrap">
              <button
                type="button"
                className="button-link"
                onClick={() => onFilter({ user: { id: entry.user.id, name: entry.user.displayName } })}
                title={t('audit.only-user', { name: entry.user.displayName })}
                data-testid="audit-user"
              >
                {entry.user.displayName}
              </button>
            </td>
            <td className="nowrap">
              {code('audit-action', entry.action)}
              {code('audit-action', entry.action) !== entry.action && (
                <span className="muted mono small"> {entry.action}</span>
              )}
            </td>
            <td className="nowrap">
              {entry.elder ? (
                <button
                  type="button"
                  className="button-link"
                  onClick={() => entry.elder && onFilter({ elder: { id: entry.elder.id, name: entry.elder.name } })}
                  title={t('audit.only-elder', { name: entry.elder.name })}
                  data-testid="audit-elder"
                >
                  {entry.elder.name}
                </button>
              ) : (
                <span className="muted">—</span>
              )}
            </td>
            <td>{subject(entry)}</td>
            <td className="audit-detail mono small">
              {detailLines(entry.detail).map((line) => (
                <div key={line}>{line}</div>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
