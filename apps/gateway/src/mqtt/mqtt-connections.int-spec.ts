import { SimulatedDevice } from '@eldercare/devices';
import { DeviceRepository, openDatabase } from '@eldercare/persistence';
import { createTestDatabase, expectEventually, type TestDatabase } from '@eldercare/testing';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { startTestBroker, type TestBroker } from '@eldercare/test/broker/test-broker';
import { testGatewayOptions } from '@eldercare/test/gateway/test-gateway';
import { MqttConnections } from './mqtt-connections';

const READINGS = 20;

/** The gateway's pool of connections shares the devices' messages: each is heard once, whatever the broker replays. */
describe("the gateway's pool of broker connections", () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let broker: TestBroker;
  let meter: SimulatedDevice;
  const pools: MqttConnections[] = [];
  const statuses: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openDatabase(database.url, { poolSize: 2 });
    broker = await startTestBroker('mosquitto', new DeviceRepository(dataSource));
    const [credentials] = await broker.registerDevices([{ id: 'wm-pool-1', type: 'water_meter', elderId: null }]);
    meter = await SimulatedDevice.connect({
      url: broker.url,
      deviceId: 'wm-pool-1',
      type: 'water_meter',
      secret: credentials.secret,
      reconnectPeriodMs: 200,
    });
  });

  // Pools share the devices' messages (one shared subscription group): a test hears only with its own.
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((pool) => pool.close()));
  });

  afterAll(async () => {
    await meter?.close();
    await broker?.stop();
    await dataSource?.destroy();
    await database?.drop();
  });

  /** The pool with the sessions of `clientIdBase`, recording the msgId of every reading each connection hears. */
  async function startPool(clientIdBase: string): Promise<string[]> {
    const heard: string[] = [];
    const pool = new MqttConnections(testGatewayOptions(broker, 'unused', clientIdBase));
    expect(testGatewayOptions(broker, 'unused', clientIdBase).mqtt.connections).toBeGreaterThan(1);
    pools.push(pool);
    await pool.start(async (topic, payload) => {
      if (topic.endsWith('/up')) heard.push((JSON.parse(payload.toString()) as { msgId: string }).msgId);
      if (topic.endsWith('/status')) statuses.push(payload.toString());
    });
    return heard;
  }

  it("hears a device's retained status once when the pool subscribes, not once per connection", async () => {
    statuses.length = 0;
    const heard = await startPool(`pool-${randomBytes(4).toString('hex')}`);
    // Each connection's replay comes right after its subscription, so before any reading sent after the pool started:
    // once the readings went round every connection, every replay has come.
    const sent: string[] = [];
    for (let reading = 1; reading <= READINGS; reading++)
      sent.push((await meter.send({ kind: 'water', totalLiters: 2_000 + reading })).msgId);
    await expectEventually(() => expect(new Set(heard)).toEqual(new Set(sent)));

    expect(statuses).toEqual(['{"online":true}']);
    // The other connections asked the broker for no replay, and it sent none.
    expect(pools[0].replaysSkipped).toBe(0);
  });

  it('hears each reading once, on one connection of the pool, after a broker restart', async () => {
    const clientIdBase = `pool-${randomBytes(4).toString('hex')}`;
    const heard = await startPool(clientIdBase);
    await broker.mosquitto!.restart();

    // The pool is heard from once a reading gets through; the meter reconnects on its own after the restart.
    await expectEventually(async () => {
      const probe = await meter.send({ kind: 'water', totalLiters: 1_000 });
      await expectEventually(() => expect(heard).toContain(probe.msgId), { timeoutMs: 1_000 });
    });
    heard.length = 0;
    const sent: string[] = [];
    for (let reading = 1; reading <= READINGS; reading++)
      sent.push((await meter.send({ kind: 'water', totalLiters: 1_000 + reading })).msgId);

    await expectEventually(() => expect(new Set(heard)).toEqual(new Set(sent)));
    expect(heard).toHaveLength(READINGS);
  });
});
