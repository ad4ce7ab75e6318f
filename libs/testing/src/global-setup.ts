import 'reflect-metadata';
// Global setup runs outside jest's module map, hence the relative imports.
import { openDatabase } from '../../persistence/src/data-source';
import { createEmptyDatabase, dropTestDatabases, newTestRun, templateDatabase } from './test-database';

/** Runs once before the integration project: migrations are applied once, into the template every file clones. */
export default async function globalSetup(): Promise<void> {
  const run = newTestRun();
  // Inherited by the test workers, which start after this.
  process.env.ELDERCARE_TEST_RUN = run;
  await dropTestDatabases(run);
  const dataSource = await openDatabase(await createEmptyDatabase(templateDatabase(run)), { poolSize: 1 });
  await dataSource.destroy();
}
