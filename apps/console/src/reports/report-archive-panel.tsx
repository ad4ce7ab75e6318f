import { useQuery } from '@tanstack/react-query';
import { fetchReportArchive } from '../api/reports-api';
import { useSession } from '../app/session-context';
import { formatDateTime } from '../i18n/format-time';
import { useI18n } from '../i18n/i18n-context';
import { Panel } from '../shared/panel';

/** 报表存档: the city's months made on schedule, each its workbook as it was made. Only for those who see the city. */
export function ReportArchivePanel() {
  const { http, user } = useSession();
  const { t } = useI18n();
  const cityWide = user.role === 'bureau' || user.role === 'admin';
  const { data: archive } = useQuery({
    queryKey: ['report-archive'],
    queryFn: () => fetchReportArchive(http),
    enabled: cityWide,
  });
  if (!cityWide) return null;
  return (
    <Panel title={t('reports.archive')} testId="report-archive">
      <p className="muted">{t('reports.archive-hint')}</p>
      {archive?.length === 0 && <p className="muted">{t('reports.archive-empty')}</p>}
      <ul className="plain-list">
        {archive?.map((entry) => (
          <li key={entry.month}>
            <a href={`/api/reports/archive/${entry.month}`} download data-testid="report-archive-month">
              {entry.month}
            </a>{' '}
            <span className="muted mono">{formatDateTime(entry.madeAt)}</span>
          </li>
        ))}
      </ul>
    </Panel>
  );
}
