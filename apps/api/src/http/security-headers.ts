import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/**
 * Where the console's map tiles come from, for the CSP: the origin of the Leaflet URL template, a `{s}` subdomain
 * as a wildcard. None for an empty or unreadable template (the map then shows no tiles, as it would anyway).
 */
export function tileSourceOf(tileUrl: string): string | undefined {
  const match = /^(https?):\/\/([^/?#]+)/i.exec(tileUrl.trim());
  if (!match) return undefined;
  const host = match[2].replace(/\{s\}/g, '*');
  return /^[A-Za-z0-9.*:[\]-]+$/.test(host) ? `${match[1].toLowerCase()}://${host.toLowerCase()}` : undefined;
}

const DOCS = /^\/api\/docs(\/|$)/;

/**
 * Security headers on every answer (helmet): a CSP that lets the console load only its own scripts and styles,
 * talk only to the api and show images only from itself and the tile server; no framing by anyone; no MIME
 * sniffing; no referrer. OpenAPI's page (`/api/docs`) writes inline styles, which only it may. HSTS is left to the
 * TLS proxy in front, which knows whether every subdomain speaks HTTPS.
 */
export function securityHeaders(tileUrl: string): RequestHandler {
  const tiles = tileSourceOf(tileUrl);
  const policy = (styles: string[]) =>
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: styles,
          // Leaflet's own controls draw with data: images.
          imgSrc: ["'self'", 'data:', ...(tiles ? [tiles] : [])],
          connectSrc: ["'self'"],
          fontSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
      strictTransportSecurity: false,
    });
  const consolePolicy = policy(["'self'"]);
  const docsPolicy = policy(["'self'", "'unsafe-inline'"]);
  return (request: Request, response: Response, next: NextFunction) =>
    (DOCS.test(request.path) ? docsPolicy : consolePolicy)(request, response, next);
}

/** Every answer of `/api` may carry personal data: no browser or proxy keeps a copy. */
export function noStore(_request: Request, response: Response, next: NextFunction): void {
  response.setHeader('Cache-Control', 'no-store');
  next();
}
