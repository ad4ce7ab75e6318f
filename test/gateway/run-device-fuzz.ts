/**
 * `npm run fuzz [-- <payloads> [<seed>]]`: the device fuzzing of `apps/gateway/src/device-fuzz.int-spec.ts` at full
 * size (100,000 generated payloads by default) on a fresh database and a Mosquitto of its own; prints the counts and
 * exits non-zero when the gateway broke any promise.
 */
import 'reflect-metadata';
import { DeviceRepository, openDatabase } from '@eldercare/persistence';
import { createEmptyDatabase, dropDatabase } from '@eldercare/testing';
import { startTestBroker } from '../broker/test-broker';
import { formatReport, runDeviceFuzz } from './device-fuzz';
import { randomBytes } from 'node:crypto';

async function main(): Promise<number> {
  const count = Number(process.argv[2] ?? 100_000);
  const seed = process.argv[3] === undefined ? undefined : Number(process.argv[3]);
  const name = `eldercare_fuzz_${randomBytes(4).toString('hex')}`;
  const databaseUrl = await createEmptyDatabase(name);
  const dataSource = await openDatabase(databaseUrl, { poolSize: 2 });
  const broker = await startTestBroker('mosquitto', new DeviceRepository(dataSource));
  try {
    console.log(`fuzzing the gateway with ${count.toLocaleString('en')} payloads through Mosquitto on ${broker.url}`);
    const report = await runDeviceFuzz({ dataSource, databaseUrl, broker, count, seed, log: console.log });
    console.log(formatReport(report));
    return report.problems.length === 0 ? 0 : 1;
  } finally {
    await broker.stop();
    await dataSource.destroy();
    await dropDatabase(name);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
