import 'reflect-metadata';
// Global setup runs outside jest's module map, hence the relative import.
import { openDatabase } from '../../persistence/src/data-source';
import { createEmptyDatabase, dropTestDatabases } from './test-database';
import { TEMPLATE_DATABASE } from './test-environment';

/** Runs once before the integration project: migrations are applied once, into the template every file clones. */
export default async function globalSetup(): Promise<void> {
  await dropTestDatabases();
  const dataSource = await openDatabase(await createEmptyDatabase(TEMPLATE_DATABASE), { poolSize: 1 });
  await dataSource.destroy();
}
