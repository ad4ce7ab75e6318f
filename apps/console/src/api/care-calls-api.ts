import type { CareCallDay, CareCallInput, CareCallRecord } from '@eldercare/contracts';
import type { HttpClient } from './http-client';

/** Who is due a care call on `date` (`yyyy-mm-dd`) and the calls made that day, in the user's scope. */
export function fetchCareCallDay(http: HttpClient, date: string): Promise<CareCallDay> {
  return http.get<CareCallDay>(`/api/care-calls?date=${encodeURIComponent(date)}`);
}

/** Records a call made now; an unanswered call to an elder living alone comes back with the alert it raised. */
export function logCareCall(http: HttpClient, input: CareCallInput): Promise<CareCallRecord> {
  return http.post<CareCallRecord>('/api/care-calls', input);
}
