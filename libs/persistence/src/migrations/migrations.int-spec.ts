import { createTestDatabase, type TestDatabase } from '@eldercare/testing';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../data-source';

describe('migrations', () => {
  let database: TestDatabase;
  let sut: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    sut = await openDatabase(database.url, { poolSize: 1 });
  });

  afterAll(async () => {
    await sut.destroy();
    await database.drop();
  });

  it('leave nothing for the entities to change: entities and migrations describe the same schema', async () => {
    const pending = await sut.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('have all run once', async () => {
    expect(await sut.showMigrations()).toBe(false);
  });
});
