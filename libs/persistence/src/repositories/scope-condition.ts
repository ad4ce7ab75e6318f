import type { AccessScope } from '@eldercare/domain';

/**
 * The SQL condition that keeps a query to the records a scope covers. The query must name the elder `e` and the
 * elder's community, street and district `c`, `s`, `d`; the scope's ids are appended to `params`.
 */
export function scopeCondition(scope: AccessScope, params: unknown[]): string {
  switch (scope.kind) {
    case 'city':
      return 'TRUE';
    case 'regions':
      params.push(scope.regionIds);
      return `ARRAY[c.id, s.id, d.id] && $${params.length}::uuid[]`;
    case 'elders':
      params.push(scope.elderIds);
      return `e.id = ANY($${params.length}::uuid[])`;
    case 'provider':
      // The elders a provider serves: those with a plan line or an order of theirs.
      params.push(scope.providerId);
      return `(EXISTS (SELECT 1 FROM care_plan_lines pl WHERE pl.elder_id = e.id AND pl.provider_id = $${params.length}::uuid)
        OR EXISTS (SELECT 1 FROM work_orders wo WHERE wo.elder_id = e.id AND wo.provider_id = $${params.length}::uuid))`;
    case 'volunteer':
      return 'FALSE';
  }
}

/** Joins an elder `e` to its community `c`, street `s` and district `d`. */
export const ELDER_PLACE_JOINS = `
  JOIN regions c ON c.id = e.community_id
  LEFT JOIN regions s ON s.id = c.parent_id
  LEFT JOIN regions d ON d.id = s.parent_id`;
