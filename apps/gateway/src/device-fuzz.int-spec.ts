import { DeviceRepository, openDatabase } from '@eldercare/persistence';
import { createTestDatabase, type TestDatabase } from '@eldercare/testing';
import type { DataSource } from 'typeorm';
import { startTestBroker, type TestBroker } from '@eldercare/test/broker/test-broker';
import { formatReport, runDeviceFuzz } from '@eldercare/test/gateway/device-fuzz';

/** Enough to meet every family many times over in `npm test`; `npm run fuzz` sends 100,000. */
const PAYLOADS = 10_000;

describe('the gateway under fuzzed devices, through Mosquitto', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let broker: TestBroker;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openDatabase(database.url, { poolSize: 2 });
    broker = await startTestBroker('mosquitto', new DeviceRepository(dataSource));
  });

  afterAll(async () => {
    await broker?.stop();
    await dataSource?.destroy();
    await database?.drop();
  });

  it(`stays up, refuses each of ${PAYLOADS.toLocaleString('en')} generated payloads with a recorded reason and stores every good one`, async () => {
    const report = await runDeviceFuzz({
      dataSource,
      databaseUrl: database.url,
      broker,
      count: PAYLOADS,
      seed: Number(process.env.FUZZ_SEED ?? 20261206),
    });
    process.stdout.write(`${formatReport(report)}\n`);

    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ generated: PAYLOADS, crashes: 0, errorsLogged: 0 });
    // Every family was tried, and every kind of refusal the gateway can give a device was met.
    expect(Object.keys(report.byFamily).length).toBeGreaterThanOrEqual(20);
    expect(report.stored).toBe(report.goodSent);
    expect(Object.keys(report.refusedByReason).sort()).toEqual(
      [
        'device-retired',
        'invalid-envelope',
        'invalid-fields',
        'invalid-status',
        'invalid-topic',
        'kind-not-allowed',
        'not-an-alarm',
        'not-an-object',
        'not-json',
        'not-utf8',
        'too-large',
        'unknown-device',
        'unknown-kind',
      ].sort(),
    );
  }, 180_000);
});
