import type { ReportTable } from '@eldercare/contracts';
import { useI18n } from '../i18n/i18n-context';
import { Panel } from '../shared/panel';
import { csvLink } from './report-query';

/** One table of the month's report as the api wrote it (its column names are the bureau's), and its CSV. */
export function ReportTableView({ table, month, regionId }: { table: ReportTable; month: string; regionId: string }) {
  const { t, code } = useI18n();
  const numeric = table.columns.map((_, index) => table.rows.some((row) => typeof row[index] === 'number'));
  return (
    <Panel
      title={code('report-table', table.name)}
      className={table.columns.length > 6 ? 'report-wide' : undefined}
      aside={
        <a
          className="button-link small"
          href={csvLink(month, regionId, table.name)}
          download
          data-testid="report-csv"
          data-table={table.name}
        >
          {t('reports.csv')}
        </a>
      }
    >
      <table className="data-table compact" data-testid="report-table" data-table={table.name}>
        <thead>
          <tr>
            {table.columns.map((column, index) => (
              <th key={column} className={numeric[index] ? 'numeric' : undefined}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.length === 0 && (
            <tr>
              <td colSpan={table.columns.length} className="muted">
                {t('reports.no-rows')}
              </td>
            </tr>
          )}
          {table.rows.map((row, rowIndex) => (
            <tr key={rowIndex}>
              {row.map((cell, index) => (
                <td key={index} className={numeric[index] ? 'numeric mono' : undefined}>
                  {cell ?? '—'}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
}
