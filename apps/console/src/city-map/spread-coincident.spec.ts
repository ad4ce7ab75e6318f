import { spreadCoincident } from './spread-coincident';

const at = (id: number, lat = 28.68, lon = 115.89) => ({ id, lat, lon });
const key = (point: { lat: number; lon: number }) => `${point.lat.toFixed(7)},${point.lon.toFixed(7)}`;

describe('spreadCoincident', () => {
  it('leaves points at distinct positions where they are', () => {
    const points = [at(1), at(2, 28.69), at(3, 28.68, 115.9)];
    expect(spreadCoincident(points)).toEqual(points);
  });

  it('keeps the first of a group at the address and gives every other one a place of its own nearby', () => {
    const spread = spreadCoincident(Array.from({ length: 20 }, (_, index) => at(index)));
    expect(spread[0]).toEqual(at(0));
    expect(new Set(spread.map(key)).size).toBe(20);
    for (const point of spread) {
      expect(Math.abs(point.lat - 28.68)).toBeLessThan(0.0003);
      expect(Math.abs(point.lon - 115.89)).toBeLessThan(0.0004);
    }
    expect(spread.map((point) => point.id)).toEqual(Array.from({ length: 20 }, (_, index) => index));
  });

  it('puts six around the address on the first ring, the same distance out', () => {
    const spread = spreadCoincident(
      Array.from({ length: 7 }, (_, index) => at(index)),
      0.001,
    );
    const distances = spread
      .slice(1)
      .map((point) => Math.hypot(point.lat - 28.68, (point.lon - 115.89) * Math.cos((28.68 * Math.PI) / 180)));
    for (const distance of distances) expect(distance).toBeCloseTo(0.001, 6);
  });
});
