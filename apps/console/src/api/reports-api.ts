import type { MonthlyReport } from '@eldercare/contracts';
import type { HttpClient } from './http-client';

/** `query` is a ready query string (see `reportQuery`). */
export function fetchMonthlyReport(http: HttpClient, query: string): Promise<MonthlyReport> {
  return http.get<MonthlyReport>(`/api/reports/monthly?${query}`);
}
