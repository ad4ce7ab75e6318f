import { DomainError } from '../errors/domain-error';

/** The photo types taken, by the bytes each starts with. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];

/** The largest photo taken, in bytes. */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/** What the bytes are, whatever the sender said: JPEG, PNG or WebP by their signature; undefined for anything else. */
export function photoTypeOf(bytes: Uint8Array): PhotoType | undefined {
  const starts = (...signature: number[]) => signature.every((byte, index) => bytes[index] === byte);
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.slice(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  return undefined;
}

/** Refuses bytes that are empty, too large, or not the type they were sent as; answers the type they are. */
export function requirePhoto(bytes: Uint8Array, declaredType: string | undefined): PhotoType {
  if (bytes.length > MAX_PHOTO_BYTES)
    throw new DomainError(
      'photo-too-large',
      `a photo is at most ${MAX_PHOTO_BYTES} bytes; this one is ${bytes.length}`,
    );
  const type = photoTypeOf(bytes);
  if (!type || type !== declaredType)
    throw new DomainError(
      'photo-type-not-allowed',
      `a photo is a JPEG, PNG or WebP sent as what it is; this was sent as ${declaredType ?? 'nothing'}${type ? ` but is ${type}` : ''}`,
    );
  return type;
}
