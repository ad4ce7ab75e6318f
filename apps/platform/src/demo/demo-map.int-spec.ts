import { openDatabase } from '@eldercare/persistence';
import { createTestDatabase, type TestDatabase } from '@eldercare/testing';
import type { DataSource } from 'typeorm';
import { ensureDemoCanteens } from './demo-canteens';
import { generateDemoCity } from './demo-city';
import { DEMO_PROVIDERS } from './demo-home-care';
import { ensureDemoMapLayers } from './demo-map';

describe('the demo map layers', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const city = generateDemoCity(20, new Date('2026-11-23T00:00:00Z'));
  const names = DEMO_PROVIDERS.map((provider) => provider.name);

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openDatabase(database.url, { poolSize: 1 });
    for (const region of city.regions)
      await dataSource.query(
        `INSERT INTO regions (code, name, level, parent_id) VALUES ($1, $2, $3, (SELECT id FROM regions WHERE code = $4))`,
        [region.code, region.name, region.level, region.parentCode],
      );
    for (const provider of DEMO_PROVIDERS)
      await dataSource.query(`INSERT INTO providers (name, phone) VALUES ($1, $2)`, [provider.name, provider.phone]);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('outlines every region and opens six stations once, however often the demo starts', async () => {
    await ensureDemoMapLayers(dataSource, city, names);
    await ensureDemoMapLayers(dataSource, city, names);
    const [{ outlined }] = await dataSource.query(
      `SELECT count(*)::int AS outlined FROM regions WHERE outline IS NOT NULL`,
    );
    expect(outlined).toBe(city.regions.length);
    const stations: { name: string; services: string[]; phone: string }[] = await dataSource.query(
      `SELECT name, services, phone FROM provider_stations ORDER BY name`,
    );
    expect(stations).toHaveLength(6);
    expect(stations.every((station) => station.services.length > 0 && station.phone.startsWith('0791'))).toBe(true);
  });

  it('stands the two demo canteens inside their communities, and places those seeded before positions were kept', async () => {
    await ensureDemoMapLayers(dataSource, city, names);
    const placed = async () => {
      const rows: {
        lat: number | null;
        lon: number | null;
        address: string | null;
        outline: { coordinates: number[][][] };
      }[] = await dataSource.query(
        `SELECT k.lat, k.lon, k.address, c.outline FROM canteens k JOIN regions c ON c.id = k.community_id ORDER BY k.name`,
      );
      return rows.map(
        ({
          lat,
          lon,
          address,
          outline: {
            coordinates: [ring],
          },
        }) => {
          const lons = ring.map(([x]) => x);
          const lats = ring.map(([, y]) => y);
          const inside =
            lat !== null &&
            lon !== null &&
            lon > Math.min(...lons) &&
            lon < Math.max(...lons) &&
            lat > Math.min(...lats) &&
            lat < Math.max(...lats);
          return { inside, address };
        },
      );
    };
    await ensureDemoCanteens(dataSource);
    expect(await placed()).toEqual([
      { inside: true, address: '南昌市东湖区公园社区长者食堂' },
      { inside: true, address: '南昌市东湖区百花洲社区长者食堂' },
    ]);
    await dataSource.query(`UPDATE canteens SET lat = NULL, lon = NULL, address = NULL`);
    expect((await placed()).map(({ inside }) => inside)).toEqual([false, false]);
    await ensureDemoCanteens(dataSource);
    expect((await placed()).map(({ inside }) => inside)).toEqual([true, true]);
  });
});
