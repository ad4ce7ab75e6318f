/** The history filters as the form holds them: empty means any; dates are `yyyy-mm-dd`. */
export interface HistoryFilters {
  rule: string;
  status: string;
  outcome: string;
  regionId: string;
  elder: string;
  from: string;
  to: string;
}

export const NO_FILTERS: HistoryFilters = {
  rule: '',
  status: '',
  outcome: '',
  regionId: '',
  elder: '',
  from: '',
  to: '',
};

export const HISTORY_PAGE_SIZE = 50;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The query string of `GET /api/alerts`. Days go as plain dates: the api reads them in the centre's zone, `to`
 * taking in the whole of its day, whatever zone the browser is set to.
 */
export function historyQuery(filters: HistoryFilters, before: string | null, limit = HISTORY_PAGE_SIZE): string {
  const params = new URLSearchParams();
  const add = (name: string, value: string | null) => {
    if (value !== null && value.trim() !== '') params.set(name, value.trim());
  };
  add('rule', filters.rule);
  add('status', filters.status);
  add('outcome', filters.outcome);
  add('regionId', filters.regionId);
  add('elder', filters.elder);
  add('from', DAY.test(filters.from) ? filters.from : null);
  add('to', DAY.test(filters.to) ? filters.to : null);
  add('before', before);
  params.set('limit', String(limit));
  return params.toString();
}
