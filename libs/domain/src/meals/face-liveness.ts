/**
 * The liveness check the canteen's terminal can honestly make: whether the face changed shape between the camera's
 * frames. A face turning, blinking or speaking changes the shape of its landmarks; a still picture fed to the camera
 * (the same frame over and over) does not change at all. The score is the largest change of shape between
 * consecutive frames: the landmarks' distance after the best move, turn and scaling of one set onto the other, in
 * units of the face's size (0: the same shape). The threshold is configuration.
 *
 * What it does not catch, measured on the face-match test set: the landmark model's own jitter when the same photo
 * is seen a little moved or nearer is 0.008–0.05, as large as a turn of the head (0.03–0.15). So a printed photo
 * held up to a real camera, whose frames always differ, is `moved` too; the result says what was seen, `moved` or
 * `still`, and no more. It refuses a still picture and records the score of every check.
 */
export interface LandmarkPoint {
  x: number;
  y: number;
}

/** `moved`: the face changed shape between frames by the threshold at least; `still`: it did not. */
export type LivenessResult = 'moved' | 'still';

export interface Liveness {
  result: LivenessResult;
  /** The largest change of shape between consecutive frames, rounded to 4 places. */
  score: number;
}

/** The frames a face check takes: two, so there is a movement to see, and no more, for the body's size. */
export const FACE_CHECK_FRAMES = { min: 2, max: 2 } as const;

/** Landmarks moved to their centroid and scaled to a root-mean-square radius of 1. */
function normalised(points: readonly LandmarkPoint[]): LandmarkPoint[] {
  const cx = points.reduce((sum, point) => sum + point.x, 0) / points.length;
  const cy = points.reduce((sum, point) => sum + point.y, 0) / points.length;
  const centred = points.map((point) => ({ x: point.x - cx, y: point.y - cy }));
  const radius = Math.sqrt(centred.reduce((sum, point) => sum + point.x ** 2 + point.y ** 2, 0) / points.length);
  return centred.map((point) => ({ x: point.x / (radius || 1), y: point.y / (radius || 1) }));
}

/**
 * The root-mean-square distance between two sets of the same landmarks once the second is moved, turned and scaled
 * onto the first as well as it can be (Procrustes): what no movement of a flat picture explains.
 */
export function shapeChange(a: readonly LandmarkPoint[], b: readonly LandmarkPoint[]): number {
  if (a.length !== b.length || a.length < 3) throw new Error('shapes of the same landmarks are compared');
  const p = normalised(a);
  const q = normalised(b);
  // The best rotation of q onto p, from the sums of the dot and cross products.
  let dot = 0;
  let cross = 0;
  for (let index = 0; index < p.length; index++) {
    dot += p[index].x * q[index].x + p[index].y * q[index].y;
    cross += q[index].x * p[index].y - q[index].y * p[index].x;
  }
  const angle = Math.atan2(cross, dot);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  // Both have an RMS radius of 1: the best scale is the correlation itself.
  const scale = Math.hypot(dot, cross) / p.length;
  let sum = 0;
  for (let index = 0; index < p.length; index++) {
    const x = scale * (q[index].x * cos - q[index].y * sin);
    const y = scale * (q[index].x * sin + q[index].y * cos);
    sum += (p[index].x - x) ** 2 + (p[index].y - y) ** 2;
  }
  return Math.sqrt(sum / p.length);
}

/** Whether the face changed shape between its frames by at least `minChange`, and by how much at most. */
export function livenessOf(frames: readonly (readonly LandmarkPoint[])[], minChange: number): Liveness {
  let largest = 0;
  for (let index = 1; index < frames.length; index++)
    largest = Math.max(largest, shapeChange(frames[index - 1], frames[index]));
  const score = Math.round(largest * 10_000) / 10_000;
  return { result: frames.length >= 2 && largest >= minChange ? 'moved' : 'still', score };
}
