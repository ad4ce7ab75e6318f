import { mapPositionFor } from './map-position';

describe('mapPositionFor', () => {
  const home = { lat: 28.681234, lon: 115.893456 };

  it.each(['operator', 'supervisor', 'admin', 'family'] as const)(
    'gives the %s, who sees the address, the home',
    (role) => {
      expect(mapPositionFor(role, home)).toEqual({ ...home, coarse: false });
    },
  );

  it('gives the bureau, who sees no address, the home rounded to a 500-m grid', () => {
    expect(mapPositionFor('bureau', home)).toEqual({ lat: 28.68, lon: 115.895, coarse: true });
  });
});
