import type { RegionOutline } from '@eldercare/persistence';
import type { DataSource } from 'typeorm';
import type { DemoCity } from './demo-city';

/** The demo district's square (about 4 km a side): six streets side by side, each with three communities stacked. */
const AREA = { south: 28.655, west: 115.885, north: 28.695, east: 115.925 };
const STREET_COLUMNS = 6;
const COMMUNITY_ROWS = 3;
/** Homes keep this share of a cell's size from its edge, so none sits on a boundary. */
const MARGIN = 0.08;

interface Box {
  south: number;
  west: number;
  north: number;
  east: number;
}

const width = (AREA.east - AREA.west) / STREET_COLUMNS;
const height = (AREA.north - AREA.south) / COMMUNITY_ROWS;

function cellOf(streetIndex: number, communityIndex: number): Box {
  const west = AREA.west + streetIndex * width;
  const south = AREA.south + communityIndex * height;
  return { south, west, north: south + height, east: west + width };
}

const round = (degrees: number) => Math.round(degrees * 1e6) / 1e6;

/** A home in the community's cell of the demo district, from two numbers in [0, 1). */
export function demoHomeIn(
  streetIndex: number,
  communityIndex: number,
  u: number,
  v: number,
): { lat: number; lon: number } {
  const cell = cellOf(streetIndex, communityIndex);
  const inner = (from: number, to: number, t: number) => from + (to - from) * (MARGIN + (1 - 2 * MARGIN) * t);
  return { lat: round(inner(cell.south, cell.north, u)), lon: round(inner(cell.west, cell.east, v)) };
}

const ring = (box: Box): RegionOutline => ({
  type: 'Polygon',
  coordinates: [
    [
      [box.west, box.south],
      [box.east, box.south],
      [box.east, box.north],
      [box.west, box.north],
      [box.west, box.south],
    ].map(([lon, lat]) => [round(lon), round(lat)]),
  ],
});

/** Street and community indexes from a demo region code: 360102 + street (3 digits) + community (3 digits). */
export function demoIndexesOf(code: string): { streetIndex: number; communityIndex: number | null } {
  const street = Number(code.slice(6, 9)) - 1;
  const community = code.length > 9 ? Number(code.slice(9, 12)) - 1 : null;
  return { streetIndex: street, communityIndex: community };
}

/** Where a demo canteen stands: inside its community's cell of the demo district, off the cell's centre. */
export function demoCanteenPlace(name: string, communityCode: string): { address: string; lat: number; lon: number } {
  const { streetIndex, communityIndex } = demoIndexesOf(communityCode);
  return { address: `南昌市东湖区${name}`, ...demoHomeIn(streetIndex, communityIndex ?? 0, 0.35, 0.65) };
}

/** The outline of every region of the demo city, as the bureau would import it (by region code). */
export function demoOutlines(city: DemoCity): { code: string; outline: RegionOutline }[] {
  return city.regions.map((region) => {
    if (region.level === 'district') return { code: region.code, outline: ring(AREA) };
    const { streetIndex, communityIndex } = demoIndexesOf(region.code);
    if (communityIndex === null)
      return {
        code: region.code,
        outline: ring({ ...cellOf(streetIndex, 0), north: cellOf(streetIndex, COMMUNITY_ROWS - 1).north }),
      };
    return { code: region.code, outline: ring(cellOf(streetIndex, communityIndex)) };
  });
}

/** Stations of the three demo providers (in `DEMO_PROVIDERS` order), with the services each offers there. */
const DEMO_STATIONS: { provider: number; name: string; street: number; community: number; services: string[] }[] = [
  {
    provider: 0,
    name: '公园社区居家养老服务站',
    street: 0,
    community: 0,
    services: ['look-in', 'cleaning', 'safety-check'],
  },
  { provider: 0, name: '豫章社区居家养老服务站', street: 3, community: 1, services: ['look-in', 'scheduled-visit'] },
  {
    provider: 1,
    name: '百花洲社区长者食堂配餐点',
    street: 2,
    community: 0,
    services: ['meal-delivery', 'meal-canteen'],
  },
  { provider: 1, name: '八一桥配餐点', street: 4, community: 2, services: ['meal-delivery'] },
  { provider: 2, name: '滕王阁康乐护理站', street: 1, community: 1, services: ['personal-care', 'medical-escort'] },
  { provider: 2, name: '扬子洲护理服务点', street: 5, community: 0, services: ['personal-care'] },
];

/**
 * The demo's map layers, once: outlines of every region, and the providers' stations. Needs the providers seeded
 * (`ensureDemoHomeCare`); a database seeded elsewhere keeps what it has.
 */
export async function ensureDemoMapLayers(
  dataSource: DataSource,
  city: DemoCity,
  providerNames: readonly string[],
): Promise<void> {
  const [{ outlined }] = await dataSource.query(
    `SELECT count(*)::int AS outlined FROM regions WHERE outline IS NOT NULL`,
  );
  if (outlined === 0)
    for (const { code, outline } of demoOutlines(city))
      await dataSource.query(`UPDATE regions SET outline = $2 WHERE code = $1`, [code, JSON.stringify(outline)]);

  const [{ stations }] = await dataSource.query(`SELECT count(*)::int AS stations FROM provider_stations`);
  if (stations > 0) return;
  for (const station of DEMO_STATIONS) {
    const [provider] = await dataSource.query(`SELECT id, phone FROM providers WHERE name = $1`, [
      providerNames[station.provider],
    ]);
    if (!provider) continue;
    const at = demoHomeIn(station.street, station.community, 0.5, 0.5);
    await dataSource.query(
      `INSERT INTO provider_stations (provider_id, name, address, phone, lat, lon, services) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [provider.id, station.name, `南昌市东湖区${station.name}`, provider.phone, at.lat, at.lon, station.services],
    );
  }
}
