import { DomainError } from '../errors/domain-error';
import { MAX_PHOTO_BYTES, photoTypeOf, requirePhoto } from './photo-check';

const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
const WEBP = new TextEncoder().encode('RIFF\u0000\u0000\u0000\u0000WEBPVP8 ');
const codeOf = (work: () => unknown) => {
  try {
    work();
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.code : String(error);
  }
};

describe('photo checks', () => {
  it('knows JPEG, PNG and WebP by their first bytes, and nothing else', () => {
    expect([photoTypeOf(JPEG), photoTypeOf(PNG), photoTypeOf(WEBP)]).toEqual(['image/jpeg', 'image/png', 'image/webp']);
    expect(photoTypeOf(new TextEncoder().encode('<svg onload=alert(1)>'))).toBeUndefined();
    expect(photoTypeOf(new Uint8Array())).toBeUndefined();
  });

  it('refuses a photo sent as another type, or too large', () => {
    expect(requirePhoto(PNG, 'image/png')).toBe('image/png');
    expect(codeOf(() => requirePhoto(PNG, 'image/jpeg'))).toBe('photo-type-not-allowed');
    const big = new Uint8Array(MAX_PHOTO_BYTES + 1);
    big.set(JPEG);
    expect(codeOf(() => requirePhoto(big, 'image/jpeg'))).toBe('photo-too-large');
  });
});
