import { csvTooLarge, type CsvLimits } from '@eldercare/domain';
import { raw, type NextFunction, type Request, type Response } from 'express';

/**
 * Reads a `text/csv` body as bytes, up to the import's size: the import decodes and checks them itself, so that a
 * file that is not UTF-8 is named as such rather than read with replacement characters. A larger body is refused
 * as `import-too-large` without being read further.
 */
export function csvBody(limits: CsvLimits) {
  const read = raw({ type: 'text/csv', limit: limits.maxBytes });
  return (request: Request, response: Response, next: NextFunction): void => {
    read(request, response, (error?: unknown) => {
      next((error as { type?: string } | undefined)?.type === 'entity.too.large' ? csvTooLarge(limits) : error);
    });
  };
}
