/**
 * Matching a face at the canteen's terminal against the enrolled elders. A face is a 128-number embedding (the
 * descriptor of the face recognition model shipped in `@vladmandic/face-api`); two faces are the same person when
 * their embeddings are closer than a threshold. The threshold is configuration, chosen from measured false accepts
 * and false rejects (bench part `face-match`).
 */
export const FACE_EMBEDDING_LENGTH = 128;

/** The Euclidean distance the model's authors use between two embeddings: 0 the same, about 0.6 and up strangers. */
export function faceDistance(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let index = 0; index < a.length; index++) sum += (a[index] - b[index]) ** 2;
  return Math.sqrt(sum);
}

/** A match score in [0, 1] for the record: 1 the same embedding, 0 at or beyond a distance of 1. */
export function faceScore(distance: number): number {
  return Math.max(0, Math.round((1 - distance) * 1000) / 1000);
}

export interface FaceMatch {
  elderId: string;
  distance: number;
  score: number;
}

/**
 * The enrolled elder whose face is nearest the probe, when within `maxDistance`, and how near; undefined when nobody
 * is. A second elder nearly as near (within `margin`) makes the match ambiguous: nobody is matched, and the cashier
 * falls back to the card, rather than charging the wrong person.
 */
export function matchFace(
  probe: readonly number[],
  enrolled: readonly { elderId: string; embedding: readonly number[] }[],
  maxDistance: number,
  margin = 0.05,
): FaceMatch | undefined {
  let best: FaceMatch | undefined;
  let second = Infinity;
  for (const candidate of enrolled) {
    const distance = faceDistance(probe, candidate.embedding);
    if (!best || distance < best.distance) {
      if (best) second = best.distance;
      best = { elderId: candidate.elderId, distance, score: faceScore(distance) };
    } else if (distance < second) second = distance;
  }
  if (!best || best.distance > maxDistance || second - best.distance < margin) return undefined;
  return best;
}

/**
 * The largest enrolment photo the api takes, in base64 characters: the api's JSON bodies are at most 100 kB. The
 * console scales a camera's photo down to fit.
 */
export const FACE_PHOTO_MAX_CHARS = 90_000;

/** Refuses an embedding that is not one the model makes: 128 finite numbers. */
export function isFaceEmbedding(value: readonly number[]): boolean {
  return value.length === FACE_EMBEDDING_LENGTH && value.every((number) => Number.isFinite(number));
}
