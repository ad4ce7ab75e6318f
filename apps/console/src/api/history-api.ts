import type { AlertView } from '@eldercare/contracts';
import type { HttpClient } from './http-client';

/** One page of past alerts, newest first; `nextBefore` asks for the page after it. Not in `libs/contracts` yet. */
export interface AlertPage {
  alerts: AlertView[];
  nextBefore: string | null;
}

/** `query` is a ready query string (see `historyQuery`). */
export function searchAlerts(http: HttpClient, query: string): Promise<AlertPage> {
  return http.get<AlertPage>(`/api/alerts?${query}`);
}
