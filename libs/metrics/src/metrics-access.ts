import { timingSafeEqual } from 'node:crypto';

/** Who may read `/metrics`: a scraper that sends `token` as a bearer token, or anyone when `open`. */
export interface MetricsAccess {
  token?: string;
  open: boolean;
}

/**
 * Whether a request with this Authorization header may read the metrics. The peer's address counts for nothing:
 * behind a reverse proxy on the same host every request comes from loopback.
 */
export function mayReadMetrics(access: MetricsAccess, authorization: string | undefined): boolean {
  if (access.open) return true;
  if (!access.token) return false;
  const presented = Buffer.from(/^Bearer (.+)$/.exec(authorization ?? '')?.[1] ?? '');
  const expected = Buffer.from(access.token);
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}
