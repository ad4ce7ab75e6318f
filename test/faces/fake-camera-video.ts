/**
 * A YUV4MPEG2 video of camera frames for Chromium's fake camera, in the canteen terminal's end-to-end test. The
 * frames come from `@eldercare/sample-faces`.
 */
import type { Picture } from '@eldercare/sample-faces';
import { writeFile } from 'node:fs/promises';

/** The picture's planes in I420 (YUV 4:2:0, BT.601 full range), as YUV4MPEG2 `C420jpeg` frames carry them. */
function i420Of({ width, height, rgb }: Picture): Buffer {
  const y = Buffer.alloc(width * height);
  const u = Buffer.alloc((width / 2) * (height / 2));
  const v = Buffer.alloc((width / 2) * (height / 2));
  const clamp = (value: number) => Math.max(0, Math.min(255, Math.round(value)));
  for (let row = 0; row < height; row++)
    for (let column = 0; column < width; column++) {
      const at = (row * width + column) * 3;
      const [r, g, b] = [rgb[at], rgb[at + 1], rgb[at + 2]];
      y[row * width + column] = clamp(0.299 * r + 0.587 * g + 0.114 * b);
      if (row % 2 === 0 && column % 2 === 0) {
        const chroma = (row / 2) * (width / 2) + column / 2;
        u[chroma] = clamp(128 - 0.168736 * r - 0.331264 * g + 0.5 * b);
        v[chroma] = clamp(128 + 0.5 * r - 0.418688 * g - 0.081312 * b);
      }
    }
  return Buffer.concat([y, u, v]);
}

/**
 * Writes a YUV4MPEG2 video of the pictures, each shown for `secondsEach`, for Chromium's
 * `--use-file-for-fake-video-capture` (it plays the file in a loop).
 */
export async function writeY4m(path: string, pictures: Picture[], secondsEach: number): Promise<void> {
  const { width, height } = pictures[0];
  const header = `YUV4MPEG2 W${width} H${height} F1000:${Math.round(secondsEach * 1000)} Ip A1:1 C420jpeg\n`;
  const frames = pictures.map((picture) => Buffer.concat([Buffer.from('FRAME\n'), i420Of(picture)]));
  await writeFile(path, Buffer.concat([Buffer.from(header), ...frames]));
}
