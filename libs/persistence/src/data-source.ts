import { DataSource } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** The platform's one Postgres connection pool. Schema changes only through migrations. */
export function createDataSource(
  url: string,
  options: { poolSize?: number; applicationName?: string } = {},
): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error'],
    poolSize: options.poolSize ?? 10,
    applicationName: options.applicationName ?? 'eldercare',
  });
}

/** Connects and brings the schema up to date. */
export async function openDatabase(
  url: string,
  options: Parameters<typeof createDataSource>[1] = {},
): Promise<DataSource> {
  const dataSource = await createDataSource(url, options).initialize();
  await dataSource.runMigrations();
  return dataSource;
}
