/** The elder list's filters as the form holds them: empty means any. */
export interface ElderFilters {
  /** A name, or part of one. */
  q: string;
  regionId: string;
  category: string;
}

export const NO_ELDER_FILTERS: ElderFilters = { q: '', regionId: '', category: '' };

export const ELDER_PAGE_SIZE = 50;

/** The query string of `GET /api/elders`. */
export function elderQuery(filters: ElderFilters, offset: number, limit = ELDER_PAGE_SIZE): string {
  const params = new URLSearchParams();
  for (const name of ['q', 'regionId', 'category'] as const) {
    const value = filters[name].trim();
    if (value !== '') params.set(name, value);
  }
  params.set('offset', String(Math.max(0, Math.floor(offset))));
  params.set('limit', String(limit));
  return params.toString();
}
