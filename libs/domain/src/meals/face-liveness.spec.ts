import { livenessOf, shapeChange, type LandmarkPoint } from './face-liveness';

/** A face-like outline of landmarks: eyes, nose, mouth corners and chin. */
const FACE: LandmarkPoint[] = [
  { x: 30, y: 40 },
  { x: 70, y: 40 },
  { x: 50, y: 60 },
  { x: 35, y: 80 },
  { x: 65, y: 80 },
  { x: 50, y: 100 },
];

/** The same landmarks as a flat photo moved, turned by `degrees` and scaled would show them. */
const moved = (points: LandmarkPoint[], { dx = 0, dy = 0, degrees = 0, scale = 1 }) => {
  const angle = (degrees * Math.PI) / 180;
  return points.map(({ x, y }) => ({
    x: scale * (x * Math.cos(angle) - y * Math.sin(angle)) + dx,
    y: scale * (x * Math.sin(angle) + y * Math.cos(angle)) + dy,
  }));
};

/** The eyes closed: their landmarks lower, the rest where it was. */
const blinked = FACE.map((point, index) => (index < 2 ? { x: point.x, y: point.y + 6 } : point));

describe('face liveness', () => {
  it('sees no change of shape in a picture moved, turned and brought nearer', () => {
    expect(shapeChange(FACE, FACE)).toBeCloseTo(0, 10);
    expect(shapeChange(FACE, moved(FACE, { dx: 40, dy: -12, degrees: 15, scale: 1.3 }))).toBeCloseTo(0, 10);
  });

  it('sees a blink as a change of shape, wherever the face is', () => {
    expect(shapeChange(FACE, moved(blinked, { dx: 5, degrees: -4 }))).toBeGreaterThan(0.05);
  });

  it('sees frames whose largest change reaches the threshold as moved, and still ones or a single frame as still', () => {
    expect(livenessOf([FACE, FACE, blinked], 0.02)).toEqual({ result: 'moved', score: expect.any(Number) });
    expect(livenessOf([FACE, moved(FACE, { dx: 3, scale: 0.9 })], 0.02)).toEqual({ result: 'still', score: 0 });
    expect(livenessOf([FACE], 0.02)).toEqual({ result: 'still', score: 0 });
    const score = livenessOf([FACE, blinked], 0.02).score;
    expect(livenessOf([FACE, blinked], score + 0.001).result).toBe('still');
  });

  it('compares only the same landmarks', () => {
    expect(() => shapeChange(FACE, FACE.slice(1))).toThrow();
  });
});
