import type { AuditEntryView } from '@eldercare/contracts';

/** Whose entries: one elder, one user, or both; null means any. */
export interface AuditFilters {
  elder: { id: string; name: string | null } | null;
  user: { id: string; name: string } | null;
}

export const NO_AUDIT_FILTERS: AuditFilters = { elder: null, user: null };

export const AUDIT_PAGE_SIZE = 50;

/** The query string of `GET /api/audit`; `before` is the id of the last entry shown (ids only grow). */
export function auditQuery(filters: AuditFilters, before: string | null, limit = AUDIT_PAGE_SIZE): string {
  const params = new URLSearchParams();
  if (filters.elder) params.set('elderId', filters.elder.id);
  if (filters.user) params.set('userId', filters.user.id);
  if (before !== null) params.set('before', before);
  params.set('limit', String(limit));
  return params.toString();
}

/**
 * Where the next page starts. The api sends a bare list, so a full page is the only sign there may be more:
 * the last entry's id is then the `before` of the next request.
 */
export function nextBefore(page: readonly AuditEntryView[], limit = AUDIT_PAGE_SIZE): string | null {
  return page.length >= limit && page.length > 0 ? page[page.length - 1].id : null;
}

/** The entries so far and the next page, each entry once. */
export function appendEntries(shown: readonly AuditEntryView[], page: readonly AuditEntryView[]): AuditEntryView[] {
  const seen = new Set(shown.map((entry) => entry.id));
  return [...shown, ...page.filter((entry) => !seen.has(entry.id))];
}

/** The elder filter a page address asks for (`/audit?elderId=…`, from an elder's page). */
export function filtersFromSearch(search: string): AuditFilters {
  const elderId = new URLSearchParams(search).get('elderId');
  return elderId ? { elder: { id: elderId, name: null }, user: null } : NO_AUDIT_FILTERS;
}
