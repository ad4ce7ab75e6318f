import { haversineDistanceM } from './haversine-distance';

describe('haversineDistanceM', () => {
  const sut = haversineDistanceM;
  const home = { lat: 22.52, lon: 113.39 };

  it.each([
    ['the same point', home, 0],
    ['one degree of latitude north', { lat: 23.52, lon: 113.39 }, 111_195],
    ['0.001 degree of longitude east at 22.52° N', { lat: 22.52, lon: 113.391 }, 103],
  ])('measures %s', (_case, other, metres) => {
    expect(sut(home, other)).toBeCloseTo(metres, -1);
  });

  it('measures the short way across the antimeridian', () => {
    expect(sut({ lat: 0, lon: 179.999 }, { lat: 0, lon: -179.999 })).toBeCloseTo(222.4, 1);
  });

  it('is the same both ways', () => {
    const other = { lat: 22.5312, lon: 113.4021 };
    expect(sut(home, other)).toBeCloseTo(sut(other, home), 9);
  });
});
