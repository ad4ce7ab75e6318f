// Global teardown runs outside jest's module map, hence the relative import.
import { dropTestDatabases } from './test-database';

/** Drops what the run left: its template, and the databases of files that failed before their own cleanup. */
export default async function globalTeardown(): Promise<void> {
  if (process.env.ELDERCARE_TEST_RUN) await dropTestDatabases(process.env.ELDERCARE_TEST_RUN);
}
