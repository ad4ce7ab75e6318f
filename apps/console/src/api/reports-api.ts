import type { ArchivedReportView, MonthlyReport } from '@eldercare/contracts';
import type { HttpClient } from './http-client';

/** `query` is a ready query string (see `reportQuery`). */
export function fetchMonthlyReport(http: HttpClient, query: string): Promise<MonthlyReport> {
  return http.get<MonthlyReport>(`/api/reports/monthly?${query}`);
}

/** The city's archived months, newest first; empty for a viewer who does not see the whole city. */
export function fetchReportArchive(http: HttpClient): Promise<ArchivedReportView[]> {
  return http.get<ArchivedReportView[]>('/api/reports/archive');
}
