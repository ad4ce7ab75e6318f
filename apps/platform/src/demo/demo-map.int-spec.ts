import { openDatabase } from '@eldercare/persistence';
import { createTestDatabase, type TestDatabase } from '@eldercare/testing';
import type { DataSource } from 'typeorm';
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
});
