/** The size the counter sends its frames at: enough for the api's face detector, small enough for the body limit. */
export const FRAME_WIDTH = 320;
export const FRAME_HEIGHT = 240;
/** The least time between the two frames, so the face has moved; and how long to wait for a frame that differs. */
const FRAME_GAP_MS = 400;
const FRAME_WAIT_MS = 2_000;
const FRAME_POLL_MS = 80;

export interface CameraFrame {
  /** The frame as a base64 JPEG, as the api takes it. */
  jpeg: string;
  /** The same frame as a data URL, to show the cashier what the camera saw. */
  dataUrl: string;
  pixels: Uint8ClampedArray;
}

/** Whether two frames differ in more than a few pixels' worth: a real camera's always do, a still picture's never. */
export function framesDiffer(a: Uint8ClampedArray, b: Uint8ClampedArray): boolean {
  let changed = 0;
  for (let index = 0; index < a.length; index += 4)
    if (
      Math.abs(a[index] - b[index]) + Math.abs(a[index + 1] - b[index + 1]) + Math.abs(a[index + 2] - b[index + 2]) >
      6
    )
      changed++;
  return changed > a.length / 4 / 1000;
}

function grab(video: HTMLVideoElement, canvas: HTMLCanvasElement): CameraFrame {
  canvas.width = FRAME_WIDTH;
  canvas.height = FRAME_HEIGHT;
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(video, 0, 0, FRAME_WIDTH, FRAME_HEIGHT);
  const dataUrl = canvas.toDataURL('image/jpeg', 0.8);
  return {
    jpeg: dataUrl.slice(dataUrl.indexOf(',') + 1),
    dataUrl,
    pixels: context.getImageData(0, 0, FRAME_WIDTH, FRAME_HEIGHT).data,
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Two frames of the camera a moment apart, the second the first that differs from the first (or the last one tried,
 * when the picture stays still: the api then finds it still). The api decides whether the face moved.
 */
export async function twoFrames(video: HTMLVideoElement, canvas: HTMLCanvasElement): Promise<CameraFrame[]> {
  const first = grab(video, canvas);
  await pause(FRAME_GAP_MS);
  const deadline = Date.now() + FRAME_WAIT_MS;
  let second = grab(video, canvas);
  while (!framesDiffer(first.pixels, second.pixels) && Date.now() < deadline) {
    await pause(FRAME_POLL_MS);
    second = grab(video, canvas);
  }
  return [first, second];
}
