/**
 * Faces for the canteen terminal's tests, made at test time from the group photos `@vladmandic/face-api` ships
 * (`demo/sample1…6.jpg`, the face-match bench's test set): no download. A person is a face found in a photo; from it
 * come an enrolment photo (a JPEG of the face with a margin), camera frames (the same view, and the view a turn of
 * the head gives: the face narrower, as a flat picture moved about never becomes), and a YUV4MPEG2 video of those
 * frames for Chromium's fake camera.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import * as faceapi from '@vladmandic/face-api/dist/face-api.node-wasm.js';
import { decode, encode } from 'jpeg-js';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

const PACKAGE = dirname(require.resolve('@vladmandic/face-api/package.json'));

/** A camera picture: RGB pixels, row by row. */
export interface Picture {
  width: number;
  height: number;
  rgb: Uint8Array;
}

/** Where a face is in its photo, in pixels. */
interface FaceBox {
  photo: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

let loaded: Promise<void> | undefined;

async function loadDetector(): Promise<void> {
  await tf.setBackend('wasm');
  await tf.ready();
  await faceapi.nets.ssdMobilenetv1.loadFromDisk(join(PACKAGE, 'model'));
}

function photoTensor(photo: number): ReturnType<typeof tf.tensor3d> {
  const image = decode(readFileSync(join(PACKAGE, 'demo', `sample${photo}.jpg`)), {
    useTArray: true,
    formatAsRGBA: false,
  });
  return tf.tensor3d(image.data, [image.height, image.width, 3], 'int32');
}

/** The `count` largest faces of the sample photos, largest first: different people. */
export async function sampleFaces(count: number): Promise<FaceBox[]> {
  await (loaded ??= loadDetector());
  const boxes: FaceBox[] = [];
  for (let photo = 1; photo <= 6; photo++) {
    const tensor = photoTensor(photo);
    const found = await faceapi.detectAllFaces(
      tensor as never,
      new faceapi.SsdMobilenetv1Options({ minConfidence: 0.6 }),
    );
    tensor.dispose();
    for (const { box } of found) boxes.push({ photo, x: box.x, y: box.y, width: box.width, height: box.height });
  }
  return boxes.sort((a, b) => b.width * b.height - a.width * a.height).slice(0, count);
}

/**
 * The face as a camera of `width`×`height` sees it, the face about half the picture's height. `narrower` takes a
 * wider region into the same picture: the face narrower by that share, as when the head turns a little.
 */
export function cameraView(face: FaceBox, { width = 640, height = 480, narrower = 0 } = {}): Picture {
  const photo = photoTensor(face.photo);
  const [photoHeight, photoWidth] = photo.shape;
  const regionHeight = face.height * 2;
  const regionWidth = ((regionHeight * width) / height) * (1 + narrower);
  const centreX = face.x + face.width / 2;
  const centreY = face.y + face.height / 2;
  const box = [
    (centreY - regionHeight / 2) / photoHeight,
    (centreX - regionWidth / 2) / photoWidth,
    (centreY + regionHeight / 2) / photoHeight,
    (centreX + regionWidth / 2) / photoWidth,
  ];
  const pixels = tf.tidy(() =>
    tf.image
      .cropAndResize(photo.toFloat().expandDims(0) as never, [box], [0], [height, width], 'bilinear', 128)
      .round()
      .clipByValue(0, 255)
      .toInt()
      .squeeze(),
  );
  const rgb = Uint8Array.from(pixels.dataSync());
  pixels.dispose();
  photo.dispose();
  return { width, height, rgb };
}

/** The picture as a JPEG, as a browser's canvas would send it. */
export function jpegOf(picture: Picture, quality = 80): Buffer {
  const rgba = new Uint8Array(picture.width * picture.height * 4);
  for (let pixel = 0; pixel < picture.width * picture.height; pixel++) {
    rgba.set(picture.rgb.subarray(pixel * 3, pixel * 3 + 3), pixel * 4);
    rgba[pixel * 4 + 3] = 255;
  }
  return encode({ data: rgba, width: picture.width, height: picture.height }, quality).data;
}

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
