export type Route =
  | { page: 'login' }
  | { page: 'queue' }
  | { page: 'case'; alertId: string }
  | { page: 'history' }
  | { page: 'unknown' };

/** The page a path shows. */
export function routeOf(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === '/' || path === '') return { page: 'queue' };
  if (path === '/login') return { page: 'login' };
  if (path === '/history') return { page: 'history' };
  const alert = /^\/alerts\/([^/]+)$/.exec(path);
  if (alert) {
    try {
      return { page: 'case', alertId: decodeURIComponent(alert[1]) };
    } catch {
      return { page: 'unknown' };
    }
  }
  return { page: 'unknown' };
}

/** The path of an alert's case page. */
export function casePath(alertId: string): string {
  return `/alerts/${encodeURIComponent(alertId)}`;
}
