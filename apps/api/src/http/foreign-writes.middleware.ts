import { DomainError } from '@eldercare/domain';
import type { NextFunction, Request, Response } from 'express';
import { isFromAllowedOrigin } from './request-origin';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Media types a write may carry: JSON, CSV and images for the routes that read a file (they check it is one
 * themselves). None of them is a type a form can send cross-site, and every write is origin-checked above anyway.
 */
const WRITE_BODY_TYPES = /^(application\/json|text\/csv|image\/jpeg|image\/png|image\/webp)\s*(;|$)/i;

/**
 * Refuses, before any body is read, a write from a page of another origin (`origin-not-allowed`, 403) and a write
 * whose body is of a type a form or a no-cors fetch can send cross-site (`body-not-json`, 415): form-encoded,
 * multipart or text/plain bodies are never read. A write without a body needs no Content-Type.
 */
export function refuseForeignWrites(consoleOrigins: readonly string[]) {
  return (request: Request, _response: Response, next: NextFunction): void => {
    if (!WRITES.has(request.method)) return next();
    if (!isFromAllowedOrigin(request.headers, consoleOrigins))
      return next(
        new DomainError('origin-not-allowed', 'writes are taken only from the console’s own pages (Origin refused)'),
      );
    const type = request.headers['content-type'];
    if (type !== undefined && !WRITE_BODY_TYPES.test(type))
      return next(new DomainError('body-not-json', 'send the body as JSON, with Content-Type: application/json'));
    next();
  };
}
