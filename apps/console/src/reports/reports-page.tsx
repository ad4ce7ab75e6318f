import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { fetchMonthlyReport } from '../api/reports-api';
import { useSession } from '../app/session-context';
import { errorText } from '../i18n/error-text';
import { useI18n } from '../i18n/i18n-context';
import { RegionSelectOptions } from '../shared/region-select-options';
import { useRegions } from '../shared/use-regions';
import { FormError } from '../shared/form-error';
import { BarChart } from './bar-chart';
import { ReportArchivePanel } from './report-archive-panel';
import { alertBars, centreMonth, reportQuery, responseBars, workbookLink } from './report-query';
import { ReportTableView } from './report-table-view';

/** 统计报表: the month's report of the user's scope or one region in it, each table with its CSV, two at a glance. */
export function ReportsPage() {
  const { http } = useSession();
  const { t, locale } = useI18n();
  const regions = useRegions();
  const [month, setMonth] = useState(() => centreMonth(Date.now()));
  const [regionId, setRegionId] = useState('');
  const { data: report, error } = useQuery({
    queryKey: ['report', month, regionId],
    queryFn: () => fetchMonthlyReport(http, reportQuery(month, regionId)),
    // The month before stays on screen while another loads.
    placeholderData: keepPreviousData,
  });

  const alerts = report?.tables.find((table) => table.name === 'alerts');
  const response = report?.tables.find((table) => table.name === 'response');
  const shares = response ? responseBars(response) : null;

  return (
    <section className="reports-page" data-testid="reports-page">
      <header className="page-head">
        <h1>{t('reports.title')}</h1>
        <label className="field field-inline">
          <span>{t('reports.month')}</span>
          <input
            type="month"
            value={month}
            max={centreMonth(Date.now())}
            onChange={(event) => event.target.value && setMonth(event.target.value)}
            data-testid="reports-month"
          />
        </label>
        <label className="field field-inline">
          <span>{t('reports.region')}</span>
          <select value={regionId} onChange={(event) => setRegionId(event.target.value)} data-testid="reports-region">
            <option value="">{t('reports.all-regions')}</option>
            <RegionSelectOptions regions={regions ?? []} />
          </select>
        </label>
        <a className="button-link small" href={workbookLink(month, regionId)} download data-testid="report-xlsx">
          {t('reports.xlsx')}
        </a>
      </header>
      <FormError message={error === null ? null : errorText(error, locale)} testId="reports-error" />
      {!report && error === null && <p className="muted">{t('app.loading')}</p>}
      {report && (
        <>
          <div className="report-charts">
            {alerts && (
              <BarChart
                title={t('reports.chart-alerts')}
                bars={alertBars(alerts)}
                series={[t('reports.chart-alerts')]}
                empty={t('reports.no-rows')}
              />
            )}
            {shares && (
              <BarChart
                title={t('reports.chart-response')}
                bars={shares.bars}
                series={shares.series}
                max={100}
                unit="%"
                empty={t('reports.no-rows')}
              />
            )}
          </div>
          <div className="report-tables">
            {report.tables.map((table) => (
              <ReportTableView key={table.name} table={table} month={month} regionId={regionId} />
            ))}
          </div>
        </>
      )}
      <ReportArchivePanel />
    </section>
  );
}
