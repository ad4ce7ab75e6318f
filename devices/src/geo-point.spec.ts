import { distanceMeters, offsetByMeters, roundCoordinates } from './geo-point';

const HOME = { lat: 22.5176, lon: 113.3926 };

describe('offsetByMeters', () => {
  it.each([
    { northM: 100, eastM: 0 },
    { northM: 0, eastM: 100 },
    { northM: -300, eastM: 400 },
    { northM: 1_500, eastM: -2_000 },
  ])('moves $northM m north and $eastM m east', ({ northM, eastM }) => {
    expect(distanceMeters(HOME, offsetByMeters(HOME, northM, eastM))).toBeCloseTo(Math.hypot(northM, eastM), -1);
  });
});

describe('roundCoordinates', () => {
  it('keeps 6 decimals', () => {
    expect(roundCoordinates({ lat: 22.51761234, lon: 113.39264567 })).toEqual({ lat: 22.517612, lon: 113.392646 });
  });
});
