import type { ElderCard, ElderInput, ElderPage } from '@eldercare/contracts';
import type { HttpClient } from './http-client';

const elderUrl = (elderId: string) => `/api/elders/${encodeURIComponent(elderId)}`;

/** A page of elders in the user's scope; `query` is a ready query string (see `elderQuery`). Not audited. */
export function searchElders(http: HttpClient, query: string): Promise<ElderPage> {
  return http.get<ElderPage>(`/api/elders?${query}`);
}

/** One elder's record, masked as the role requires; reading it is written to the audit log. */
export function fetchElder(http: HttpClient, elderId: string): Promise<ElderCard> {
  return http.get<ElderCard>(elderUrl(elderId));
}

export function createElder(http: HttpClient, input: ElderInput): Promise<ElderCard> {
  return http.post<ElderCard>('/api/elders', input);
}

export function updateElder(http: HttpClient, elderId: string, input: ElderInput): Promise<ElderCard> {
  return http.put<ElderCard>(elderUrl(elderId), input);
}

/**
 * Sends a CSV of elders: a file as its bytes (the api tells a GBK file from UTF-8 itself), or pasted text. The api
 * imports all rows or none: the answer is the report either way, 200 with the count or 422 with the problems (see
 * `importReportOf`).
 */
export function importElders(http: HttpClient, csv: string | Blob): Promise<unknown> {
  return http.postText<unknown>('/api/elders/import', csv, 'text/csv; charset=utf-8', { answerStatuses: [422] });
}
