/**
 * The console's pages and the path of each, as React Router matches them. `/elders/new` and `/elders/import` win
 * over an elder's id: the router ranks a fixed segment above a parameter.
 */
export const PAGE_PATHS = {
  queue: '/',
  history: '/history',
  case: '/alerts/:alertId',
  'care-calls': '/care-calls',
  elders: '/elders',
  'elder-new': '/elders/new',
  'elder-import': '/elders/import',
  elder: '/elders/:elderId',
  'elder-edit': '/elders/:elderId/edit',
  devices: '/devices',
  users: '/users',
  audit: '/audit',
  reports: '/reports',
  wallboard: '/wallboard',
  map: '/map',
  'time-bank': '/time-bank',
  'risk-visits': '/risk-visits',
  adaptation: '/adaptation',
  settings: '/settings',
} as const;

export type Page = keyof typeof PAGE_PATHS;

export const PAGES = Object.keys(PAGE_PATHS) as Page[];

/** The path of an alert's case page. */
export function casePath(alertId: string): string {
  return `/alerts/${encodeURIComponent(alertId)}`;
}

/** The path of an elder's page. */
export function elderPath(elderId: string): string {
  return `/elders/${encodeURIComponent(elderId)}`;
}

export function elderEditPath(elderId: string): string {
  return `${elderPath(elderId)}/edit`;
}

/** The audit log, filtered to one elder. */
export function elderAuditPath(elderId: string): string {
  return `/audit?elderId=${encodeURIComponent(elderId)}`;
}
