import { DomainError, type LandmarkPoint } from '@eldercare/domain';
import { Injectable, Logger } from '@nestjs/common';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import * as faceapi from '@vladmandic/face-api/dist/face-api.node-wasm.js';
import { decode } from 'jpeg-js';
import { dirname, join } from 'node:path';

/** The model files that ship in the package (detector, 68 landmarks, 128-number descriptor): no download. */
const MODEL_DIR = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
/** A terminal's frame or an enrolment photo is a small JPEG: refused above this before decoding. */
const MAX_PIXELS_MP = 4;

export interface DescribedFace {
  descriptor: number[];
  landmarks: LandmarkPoint[];
  /** The detector's confidence that this is a face, 0–1. */
  confidence: number;
}

/**
 * The face model that ships in `@vladmandic/face-api`, on the tfjs WASM backend: finds the most certain face in a
 * JPEG and describes it (its 128-number descriptor and 68 landmarks). Loaded on first use, once per process; only
 * the api's terminal and enrolment use it, so the photo never leaves the platform.
 */
@Injectable()
export class FaceModel {
  private readonly logger = new Logger(FaceModel.name);
  private loading?: Promise<void>;

  async describe(jpeg: Buffer): Promise<DescribedFace> {
    await (this.loading ??= this.load());
    const image = decodeJpeg(jpeg);
    const tensor = tf.tensor3d(image.data, [image.height, image.width, 3], 'int32');
    try {
      const found = await faceapi
        .detectSingleFace(tensor as never, new faceapi.SsdMobilenetv1Options({ minConfidence: 0.5 }))
        .withFaceLandmarks()
        .withFaceDescriptor();
      if (!found) throw new DomainError('face-not-found', 'no face is clear enough in the picture');
      return {
        descriptor: Array.from(found.descriptor),
        landmarks: found.landmarks.positions.map(({ x, y }) => ({ x, y })),
        confidence: found.detection.score,
      };
    } finally {
      tensor.dispose();
    }
  }

  private async load(): Promise<void> {
    const started = performance.now();
    await tf.setBackend('wasm');
    await tf.ready();
    await faceapi.nets.ssdMobilenetv1.loadFromDisk(MODEL_DIR);
    await faceapi.nets.faceLandmark68Net.loadFromDisk(MODEL_DIR);
    await faceapi.nets.faceRecognitionNet.loadFromDisk(MODEL_DIR);
    this.logger.log(`face model loaded on tfjs ${tf.getBackend()} in ${Math.round(performance.now() - started)} ms`);
  }
}

/** RGB pixels of a JPEG; anything else, or a picture too large, is refused as `face-image-invalid`. */
function decodeJpeg(bytes: Buffer): { data: Uint8Array; width: number; height: number } {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8 || bytes[2] !== 0xff)
    throw new DomainError('face-image-invalid', 'a face picture is a JPEG');
  try {
    return decode(bytes, { useTArray: true, formatAsRGBA: false, maxResolutionInMP: MAX_PIXELS_MP });
  } catch {
    throw new DomainError('face-image-invalid', `the JPEG cannot be read, or is over ${MAX_PIXELS_MP} megapixels`);
  }
}
