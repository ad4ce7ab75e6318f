/**
 * Faces from the group photos `@vladmandic/face-api` ships (`demo/sample1…6.jpg`): no download. A person is a face
 * found in a photo; from it come an enrolment photo (a JPEG of the face with a margin) and camera frames (the same
 * view, and the view a turn of the head gives: the face narrower, as a flat picture moved about never becomes). The
 * demo city enrols its elders' faces from them; the canteen terminal's tests and the face-match bench use them as
 * their test set. The detector runs on this thread: for seeding and tests, not for serving.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import * as faceapi from '@vladmandic/face-api/dist/face-api.node-wasm.js';
import { decode, encode } from 'jpeg-js';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const PACKAGE = dirname(require.resolve('@vladmandic/face-api/package.json'));

/** A camera picture: RGB pixels, row by row. */
export interface Picture {
  width: number;
  height: number;
  rgb: Uint8Array;
}

/** Where a face is in its photo, in pixels. */
export interface FaceBox {
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
