import type { AuditEntryView } from '@eldercare/contracts';
import type { HttpClient } from './http-client';

/** Newest first; `query` is a ready query string (see `auditQuery`). */
export function fetchAudit(http: HttpClient, query: string): Promise<AuditEntryView[]> {
  return http.get<AuditEntryView[]>(`/api/audit?${query}`);
}
