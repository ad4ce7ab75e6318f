import { assessVisitPosition } from './visit-verification';

const home = { lat: 28.68, lon: 115.89 };
/** A point `metres` north of the home (one degree of latitude is about 111,195 m). */
const north = (metres: number) => ({ lat: home.lat + metres / 111_195, lon: home.lon });

describe('visit position', () => {
  it('accepts a check-in at the door', () => {
    expect(assessVisitPosition(home, { ...north(30), accuracyM: 10 })).toEqual({ distanceM: 30, farFromHome: false });
  });

  it('flags a check-in 1 km away', () => {
    expect(assessVisitPosition(home, { ...north(1000), accuracyM: 15 })).toEqual({
      distanceM: 1000,
      farFromHome: true,
    });
  });

  it('grants a poor fix its accuracy, but no more than the limit', () => {
    expect(assessVisitPosition(home, { ...north(260), accuracyM: 80 }).farFromHome).toBe(false);
    expect(assessVisitPosition(home, { ...north(900), accuracyM: 5000 }).farFromHome).toBe(true);
  });
});
