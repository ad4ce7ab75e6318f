import { SimulatedDevice } from '@eldercare/devices';
import { DeviceRepository, openDatabase } from '@eldercare/persistence';
import { createTestDatabase, type TestDatabase } from '@eldercare/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { startTestBroker, type TestBroker } from '@eldercare/test/broker/test-broker';
import { startTestGateway, testGatewayOptions } from '@eldercare/test/gateway/test-gateway';

/**
 * Mosquitto restores a persistent session after a restart without its shared subscriptions, and still tells the
 * client its session is present: a gateway that subscribed only to a new session would hear nothing again.
 */
describe('a gateway across a Mosquitto restart', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let broker: TestBroker;
  let gateway: INestApplicationContext;
  let button: SimulatedDevice;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openDatabase(database.url, { poolSize: 2 });
    broker = await startTestBroker('mosquitto', new DeviceRepository(dataSource));
    gateway = await startTestGateway(
      database.url,
      testGatewayOptions(broker, `restart-${randomBytes(4).toString('hex')}`),
    );
    const [credentials] = await broker.registerDevices([{ id: 'btn-restart-1', type: 'call_button', elderId: null }]);
    button = await SimulatedDevice.connect({
      url: broker.url,
      deviceId: 'btn-restart-1',
      type: 'call_button',
      secret: credentials.secret,
      reconnectPeriodMs: 200,
      // A press sent while the gateway is still reconnecting finds no subscriber: the repeat carries it.
      alarmRepeatMs: 300,
    });
  });

  afterAll(async () => {
    await button?.close();
    await gateway?.close();
    await broker?.stop();
    await dataSource?.destroy();
    await database?.drop();
  });

  async function pressAndHearReceived(): Promise<void> {
    const sos = await button.send({ kind: 'sos' });
    const ack = await button.nextDownlink((downlink) => downlink.kind === 'ack' && downlink.ref === sos.msgId, 15_000);
    expect(ack).toMatchObject({ kind: 'ack', state: 'received' });
  }

  it('hears presses again once the broker is back', async () => {
    await pressAndHearReceived();

    await broker.mosquitto!.restart();

    await pressAndHearReceived();
  });
});
