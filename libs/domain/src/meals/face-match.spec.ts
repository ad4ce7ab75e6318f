import { FACE_EMBEDDING_LENGTH, faceDistance, faceScore, isFaceEmbedding, matchFace } from './face-match';

/** An embedding with `value` in every place but the first, which is `first`. */
const embedding = (first: number, value = 0) =>
  Array.from({ length: FACE_EMBEDDING_LENGTH }, (_, index) => (index === 0 ? first : value));

describe('face matching', () => {
  it('measures the Euclidean distance between embeddings and scores it', () => {
    expect(faceDistance(embedding(0.3), embedding(0))).toBeCloseTo(0.3);
    expect(faceScore(0.3)).toBe(0.7);
    expect(faceScore(1.4)).toBe(0);
  });

  const enrolled = [
    { elderId: '贺素芬', embedding: embedding(0) },
    { elderId: '王秀英', embedding: embedding(1) },
  ];

  it('matches the nearest enrolled elder within the threshold', () => {
    expect(matchFace(embedding(0.2), enrolled, 0.5)).toEqual({
      elderId: '贺素芬',
      distance: expect.closeTo(0.2),
      score: 0.8,
    });
    expect(matchFace(embedding(0.9), enrolled, 0.5)).toMatchObject({ elderId: '王秀英' });
  });

  it('matches nobody beyond the threshold, or when two elders are nearly as near', () => {
    expect(matchFace(embedding(0.3, 0.1), enrolled, 0.5)).toBeUndefined();
    expect(matchFace(embedding(0.49), enrolled, 0.6)).toBeUndefined();
    expect(matchFace(embedding(0), [], 0.5)).toBeUndefined();
  });

  it('takes only embeddings of 128 finite numbers', () => {
    expect(isFaceEmbedding(embedding(0))).toBe(true);
    expect(isFaceEmbedding(embedding(0).slice(1))).toBe(false);
    expect(isFaceEmbedding(embedding(Number.NaN))).toBe(false);
  });
});
