import { generateDemoCity } from './demo-city';
import { demoCanteenPlace, demoOutlines } from './demo-map';

/** Inside a rectangular outline (the demo's are all rectangles). */
function inside(point: { lat: number; lon: number }, ring: number[][]): boolean {
  const lons = ring.map(([lon]) => lon);
  const lats = ring.map(([, lat]) => lat);
  return (
    point.lon >= Math.min(...lons) &&
    point.lon <= Math.max(...lons) &&
    point.lat >= Math.min(...lats) &&
    point.lat <= Math.max(...lats)
  );
}

describe('the demo map', () => {
  const city = generateDemoCity(500, new Date('2026-11-23T00:00:00Z'));
  const outlines = new Map(demoOutlines(city).map(({ code, outline }) => [code, outline]));

  it('outlines every region, each a closed ring', () => {
    expect([...outlines.keys()].sort()).toEqual(city.regions.map((region) => region.code).sort());
    for (const outline of outlines.values()) {
      const [ring] = outline.coordinates as number[][][];
      expect(ring[0]).toEqual(ring.at(-1));
    }
  });

  it("places every elder's home inside the outlines of their community, street and district", () => {
    const parentOf = new Map(city.regions.map((region) => [region.code, region.parentCode]));
    for (const elder of city.elders) {
      const street = parentOf.get(elder.communityCode)!;
      for (const code of [elder.communityCode, street, parentOf.get(street)!])
        expect(inside(elder.home, (outlines.get(code)!.coordinates as number[][][])[0])).toBe(true);
    }
  });

  it('places the demo canteens inside their communities', () => {
    const [first, second] = city.regions
      .filter((region) => region.level === 'community')
      .map((region) => region.code)
      .sort();
    for (const code of [first, second])
      expect(inside(demoCanteenPlace('食堂', code), (outlines.get(code)!.coordinates as number[][][])[0])).toBe(true);
  });

  it('puts some elders at one address with a neighbour, for the map to spread apart', () => {
    const addresses = new Set(city.elders.map((elder) => `${elder.home.lat},${elder.home.lon}`));
    expect(city.elders.length - addresses.size).toBeGreaterThanOrEqual(10);
  });
});
