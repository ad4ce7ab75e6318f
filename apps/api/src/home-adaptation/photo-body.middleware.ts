import { DomainError, MAX_PHOTO_BYTES, PHOTO_TYPES } from '@eldercare/domain';
import { raw, type NextFunction, type Request, type Response } from 'express';

/**
 * Reads an image body as bytes, up to the largest photo; a larger one is refused as `photo-too-large` without being
 * read further. What the bytes are is checked by the service, whatever the Content-Type says.
 */
export function photoBody() {
  const read = raw({ type: [...PHOTO_TYPES], limit: MAX_PHOTO_BYTES });
  return (request: Request, response: Response, next: NextFunction): void => {
    read(request, response, (error?: unknown) => {
      next(
        (error as { type?: string } | undefined)?.type === 'entity.too.large'
          ? new DomainError('photo-too-large', `a photo is at most ${MAX_PHOTO_BYTES} bytes`)
          : error,
      );
    });
  };
}
