import { SimulatedDevice } from '@eldercare/devices';
import { obliterateEveryQueue } from '@eldercare/job-bus';
import { DeviceRepository, openDatabase } from '@eldercare/persistence';
import { createTestDatabase, testEnvironment, type TestDatabase } from '@eldercare/testing';
import { startTestBroker, type TestBroker } from '@eldercare/test/broker/test-broker';
import { PlatformProcesses } from '@eldercare/test/platform/platform-processes';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';

const BUTTONS = 8;

/**
 * Two gateways on the shared subscription and one killed: Mosquitto goes on sharing messages out to a dead member's
 * persistent session, where they wait until it comes back. Alarms must reach the one that lives.
 */
describe('two gateways on a shared subscription, one killed', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let broker: TestBroker;
  let processes: PlatformProcesses;
  const queuePrefix = `pair-${randomBytes(4).toString('hex')}`;
  const buttons: SimulatedDevice[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openDatabase(database.url, { poolSize: 2 });
    broker = await startTestBroker('mosquitto', new DeviceRepository(dataSource));
    processes = new PlatformProcesses({
      databaseUrl: database.url,
      redisUrl: testEnvironment.redisUrl,
      queuePrefix,
      broker,
    });
    const issued = await broker.registerDevices(
      Array.from({ length: BUTTONS }, (_, index) => ({
        id: `btn-pair-${index}`,
        type: 'call_button' as const,
        elderId: null,
      })),
    );
    for (const { deviceId, secret } of issued)
      buttons.push(
        // No repeats: a press parked with the dead gateway would never be answered.
        await SimulatedDevice.connect({ url: broker.url, deviceId, secret, type: 'call_button', alarmRepeatMs: 0 }),
      );
  });

  afterAll(async () => {
    await Promise.all(buttons.map((button) => button.kill()));
    await processes?.stopAll();
    await obliterateEveryQueue({ redis: { url: testEnvironment.redisUrl }, queuePrefix });
    await broker?.stop();
    await dataSource?.destroy();
    await database?.drop();
  });

  it('answers every press from the gateway that lives, none waiting for the dead one to return', async () => {
    const doomed = await processes.startGateway('gw-pair-a');
    await processes.startGateway('gw-pair-b');
    await doomed.kill();

    const answers = await Promise.all(
      buttons.map(async (button) => {
        const press = await button.send({ kind: 'sos' });
        return button.nextDownlink((downlink) => downlink.kind === 'ack' && downlink.ref === press.msgId, 15_000);
      }),
    );

    expect(answers.map((answer) => answer.kind === 'ack' && answer.state)).toEqual(Array(BUTTONS).fill('received'));
  });
});
