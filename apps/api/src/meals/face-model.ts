import { DomainError, type LandmarkPoint } from '@eldercare/domain';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** A terminal's frame or an enrolment photo is a small JPEG: refused above this before decoding. */
const MAX_PIXELS_MP = 4;

export interface DescribedFace {
  descriptor: number[];
  landmarks: LandmarkPoint[];
  /** The detector's confidence that this is a face, 0–1. */
  confidence: number;
}

type WorkerAnswer = { id: number } & ({ face: DescribedFace } | { error: 'no-face' | 'unreadable' | 'failed' });

/**
 * The model's thread: tfjs runs its kernels synchronously, about a second per frame on a small machine, which on the
 * api's own thread would hold up every other request (alarms among them). Plain JavaScript given to the worker as
 * source, so it runs the same under the test runner and from the built api; the packages' paths come from here.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const tf = require(workerData.paths.tfjs);
require(workerData.paths.wasm);
const faceapi = require(workerData.paths.faceApi);
const { decode } = require(workerData.paths.jpeg);
const ready = (async () => {
  await tf.setBackend('wasm');
  await tf.ready();
  for (const net of ['ssdMobilenetv1', 'faceLandmark68Net', 'faceRecognitionNet'])
    await faceapi.nets[net].loadFromDisk(workerData.modelDir);
})();
const options = new faceapi.SsdMobilenetv1Options({ minConfidence: 0.5 });
parentPort.on('message', async ({ id, jpeg }) => {
  let image;
  try {
    image = decode(jpeg, { useTArray: true, formatAsRGBA: false, maxResolutionInMP: workerData.maxPixelsMp });
  } catch {
    return parentPort.postMessage({ id, error: 'unreadable' });
  }
  try {
    await ready;
    const tensor = tf.tensor3d(image.data, [image.height, image.width, 3], 'int32');
    const found = await faceapi.detectSingleFace(tensor, options).withFaceLandmarks().withFaceDescriptor();
    tensor.dispose();
    if (!found) return parentPort.postMessage({ id, error: 'no-face' });
    parentPort.postMessage({
      id,
      face: {
        descriptor: Array.from(found.descriptor),
        landmarks: found.landmarks.positions.map(({ x, y }) => ({ x, y })),
        confidence: found.detection.score,
      },
    });
  } catch (error) {
    parentPort.postMessage({ id, error: 'failed' });
  }
});
`;

/**
 * The face model that ships in `@vladmandic/face-api` (detector, 68 landmarks, 128-number descriptor), on the tfjs
 * WASM backend, from the package's own model files (no download), in a thread of its own started on first use: finds
 * the most certain face in a JPEG and describes it. Only the terminal and enrolment use it; the photo stays here.
 */
@Injectable()
export class FaceModel implements OnModuleDestroy {
  private readonly logger = new Logger(FaceModel.name);
  private worker?: Worker;
  private nextId = 0;
  private readonly pending = new Map<number, (answer: WorkerAnswer) => void>();

  async describe(jpeg: Buffer): Promise<DescribedFace> {
    if (jpeg.length < 4 || jpeg[0] !== 0xff || jpeg[1] !== 0xd8 || jpeg[2] !== 0xff)
      throw new DomainError('face-image-invalid', 'a face picture is a JPEG');
    const id = this.nextId++;
    const answer = await new Promise<WorkerAnswer>((resolve) => {
      this.pending.set(id, resolve);
      this.thread().postMessage({ id, jpeg });
    });
    if ('face' in answer) return answer.face;
    if (answer.error === 'unreadable')
      throw new DomainError('face-image-invalid', `the JPEG cannot be read, or is over ${MAX_PIXELS_MP} megapixels`);
    if (answer.error === 'no-face') throw new DomainError('face-not-found', 'no face is clear enough in the picture');
    throw new Error('the face model failed on a picture');
  }

  async onModuleDestroy(): Promise<void> {
    const worker = this.worker;
    // Stopped on purpose: its exit (code 1 after terminate) is not a failure to report.
    this.worker = undefined;
    await worker?.terminate();
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const modelDir = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
    const paths = {
      tfjs: require.resolve('@tensorflow/tfjs'),
      wasm: require.resolve('@tensorflow/tfjs-backend-wasm'),
      faceApi: require.resolve('@vladmandic/face-api/dist/face-api.node-wasm.js'),
      jpeg: require.resolve('jpeg-js'),
    };
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { paths, modelDir, maxPixelsMp: MAX_PIXELS_MP },
    });
    worker.unref();
    worker.on('message', (answer: WorkerAnswer) => {
      this.pending.get(answer.id)?.(answer);
      this.pending.delete(answer.id);
    });
    // A thread that dies fails what it was asked, and the next picture starts another.
    worker.on('exit', (code) => {
      const stoppedOnPurpose = this.worker !== worker;
      if (!stoppedOnPurpose) this.worker = undefined;
      for (const [id, resolve] of this.pending) resolve({ id, error: 'failed' });
      this.pending.clear();
      if (code !== 0 && !stoppedOnPurpose) this.logger.error(`the face model's thread stopped with code ${code}`);
    });
    worker.on('error', (error) => this.logger.error(`the face model's thread failed: ${error.message}`));
    this.logger.log('face model thread started (tfjs WASM, @vladmandic/face-api models)');
    return (this.worker = worker);
  }
}
