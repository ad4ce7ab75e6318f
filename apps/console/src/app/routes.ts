export type Route =
  | { page: 'login' }
  | { page: 'queue' }
  | { page: 'case'; alertId: string }
  | { page: 'history' }
  | { page: 'care-calls' }
  | { page: 'elders' }
  | { page: 'elder-new' }
  | { page: 'elder-import' }
  | { page: 'elder'; elderId: string }
  | { page: 'elder-edit'; elderId: string }
  | { page: 'devices' }
  | { page: 'users' }
  | { page: 'audit' }
  | { page: 'reports' }
  | { page: 'unknown' };

/** Pages whose path is fixed. `/elders/new` and `/elders/import` come before any elder's id. */
const FIXED: Record<string, Route> = {
  '/': { page: 'queue' },
  '/login': { page: 'login' },
  '/history': { page: 'history' },
  '/care-calls': { page: 'care-calls' },
  '/elders': { page: 'elders' },
  '/elders/new': { page: 'elder-new' },
  '/elders/import': { page: 'elder-import' },
  '/devices': { page: 'devices' },
  '/users': { page: 'users' },
  '/audit': { page: 'audit' },
  '/reports': { page: 'reports' },
};

function decoded(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The page a path shows. */
export function routeOf(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === '') return { page: 'queue' };
  if (Object.hasOwn(FIXED, path)) return FIXED[path];
  const alert = /^\/alerts\/([^/]+)$/.exec(path);
  if (alert) {
    const alertId = decoded(alert[1]);
    return alertId === null ? { page: 'unknown' } : { page: 'case', alertId };
  }
  const elder = /^\/elders\/([^/]+)(\/edit)?$/.exec(path);
  if (elder) {
    const elderId = decoded(elder[1]);
    if (elderId === null) return { page: 'unknown' };
    return elder[2] ? { page: 'elder-edit', elderId } : { page: 'elder', elderId };
  }
  return { page: 'unknown' };
}

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
