import { DAY_MS, LOCAL_UTC_OFFSET_MS } from '@eldercare/domain';
import type { AlertSearch } from '@eldercare/persistence';
import type { AlertSearchQuery } from './alert.dto';

/** A date alone means that day in Asia/Shanghai: from its start, or (as an end) up to the next day's start. */
function instant(value: string, asEnd: boolean): Date {
  if (value.includes('T')) return new Date(value);
  const start = Date.parse(`${value}T00:00:00Z`) - LOCAL_UTC_OFFSET_MS;
  return new Date(asEnd ? start + DAY_MS : start);
}

export function toAlertSearch(query: AlertSearchQuery): AlertSearch {
  const [raisedAt, id] = query.before?.split('|') ?? [];
  return {
    rule: query.rule,
    status: query.status,
    outcome: query.outcome,
    regionId: query.regionId,
    elderId: query.elderId,
    elderName: query.elder,
    from: query.from === undefined ? undefined : instant(query.from, false),
    to: query.to === undefined ? undefined : instant(query.to, true),
    before: raisedAt && id ? { raisedAt: new Date(raisedAt), id } : undefined,
    limit: query.limit,
  };
}
