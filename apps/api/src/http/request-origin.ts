import type { IncomingHttpHeaders } from 'node:http';

/**
 * Whether a request may come from the page that sent it: a browser names that page's origin (`Origin`, or at least
 * `Sec-Fetch-Site`), and only the api's own origin and the configured console origins may write or open the live
 * socket. SameSite cookies do not stop a page on another port or a sibling subdomain, which is "same site".
 *
 * The api's own origin is the host the request was sent to (`Host`, which a page cannot set). A request naming
 * neither header comes from no browser (a script, a scraper, a test), where there is no forgery to stop.
 */
export function isFromAllowedOrigin(headers: IncomingHttpHeaders, consoleOrigins: readonly string[]): boolean {
  const origin = headers.origin;
  if (origin !== undefined) return consoleOrigins.includes(origin) || isOwnOrigin(origin, headers.host);
  const site = headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

function isOwnOrigin(origin: string, host: string | undefined): boolean {
  if (!host) return false;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host === host.toLowerCase();
  } catch {
    // `null` (a sandboxed frame, a file) or anything else that is no origin.
    return false;
  }
}
