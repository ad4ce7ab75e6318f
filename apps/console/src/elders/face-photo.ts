import { FACE_PHOTO_MAX_CHARS } from '@eldercare/domain';

/** The longest side of the photo the console sends: the api's face detector needs no more for a face filling it. */
export const FACE_PHOTO_MAX_SIDE = 480;
/** JPEG qualities to try, best first, until the photo fits the api's limit. */
const QUALITIES = [0.85, 0.7, 0.55, 0.4] as const;

/** The size to draw a picture at so its longer side is at most `maxSide`, keeping its shape; never enlarged. */
export function scaledSize(
  width: number,
  height: number,
  maxSide: number = FACE_PHOTO_MAX_SIDE,
): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** The picture file a camera took, scaled down and encoded as a base64 JPEG under the api's limit; null if it cannot. */
export async function facePhotoOf(file: Blob): Promise<string | null> {
  const bitmap = await createImageBitmap(file);
  try {
    const { width, height } = scaledSize(bitmap.width, bitmap.height);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0, width, height);
    for (const quality of QUALITIES) {
      const dataUrl = canvas.toDataURL('image/jpeg', quality);
      const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
      if (base64.length <= FACE_PHOTO_MAX_CHARS) return base64;
    }
    return null;
  } finally {
    bitmap.close();
  }
}
