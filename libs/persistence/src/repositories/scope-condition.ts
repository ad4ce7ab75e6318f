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
      return 'FALSE';
  }
}

/** Joins an elder `e` to its community `c`, street `s` and district `d`. */
export const ELDER_PLACE_JOINS = `
  JOIN regions c ON c.id = e.community_id
  LEFT JOIN regions s ON s.id = c.parent_id
  LEFT JOIN regions d ON d.id = s.parent_id`;
