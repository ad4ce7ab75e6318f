import { CareBedRepository, openDatabase, UserRepository } from '@eldercare/persistence';
import { createTestDatabase, createTestElderInPlace, type TestDatabase } from '@eldercare/testing';
import type { DataSource } from 'typeorm';
import { ensureDemoCareBeds } from './demo-care-beds';

describe('the demo care beds', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openDatabase(database.url, { poolSize: 2 });
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('opens a care bed for every elder with a bed-sensor mat, with an adaptation case, once', async () => {
    const [withMat, withoutMat] = [await createTestElderInPlace(dataSource), await createTestElderInPlace(dataSource)];
    await dataSource.query(`UPDATE elders SET categories = '{disabled,living_alone}' WHERE id = $1`, [withMat.elderId]);
    await dataSource.query(
      `INSERT INTO devices (id, type, elder_id, secret_hash) VALUES ('mat-demo1', 'bed_mat', $1, 'x')`,
      [withMat.elderId],
    );
    await new UserRepository(dataSource).create({
      username: 'supervisor',
      displayName: '周建华',
      passwordHash: 'x',
      role: 'supervisor',
      regionIds: [withMat.districtId],
    });
    const now = Date.parse('2026-11-23T10:00:00+08:00');

    await ensureDemoCareBeds(dataSource, now);
    await ensureDemoCareBeds(dataSource, now);

    const careBeds = new CareBedRepository(dataSource);
    expect(await careBeds.careBedOf(withMat.elderId)).toMatchObject({
      careLevel: 'severe',
      assessedOn: '2026-11-02',
      startsOn: '2026-11-09',
      adaptationCase: { id: expect.any(String), stage: 'applied' },
    });
    expect(await careBeds.careBedOf(withoutMat.elderId)).toBeUndefined();
    expect(await dataSource.query('SELECT count(*)::int AS count FROM care_beds')).toEqual([{ count: 1 }]);
    expect(await dataSource.query('SELECT count(*)::int AS count FROM adaptation_cases')).toEqual([{ count: 1 }]);
  });
});
