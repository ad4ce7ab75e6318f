import { SimulatedDevice } from '@eldercare/devices';
import { deviceTopic } from '@eldercare/protocol';
import { DeviceRepository, openDatabase } from '@eldercare/persistence';
import { createTestDatabase, expectEventually, type TestDatabase } from '@eldercare/testing';
import mqtt from 'mqtt';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { startTestBroker, type TestBroker } from '@eldercare/test/broker/test-broker';
import { testGatewayOptions } from '@eldercare/test/gateway/test-gateway';
import { MqttConnections } from './mqtt-connections';

const READINGS = 20;
/** Devices that connect after the pool: more than its connections, so that every one takes some of their statuses. */
const LATE_DEVICES = 12;

/** The gateway's pool of connections shares the devices' messages: each is heard once, whatever the broker replays. */
describe("the gateway's pool of broker connections", () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let broker: TestBroker;
  let meter: SimulatedDevice;
  const pools: MqttConnections[] = [];
  const statuses: string[] = [];
  const lateDevices: SimulatedDevice[] = [];
  /** Client ids of the pools' persistent sessions. */
  const sessions: string[] = [];

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

  // Pools share the devices' messages (one shared subscription group), and a closed pool's persistent sessions stay
  // in the group: a test hears only with its own once the sessions of the pools before it are ended.
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((pool) => pool.close()));
    await Promise.all(
      sessions.splice(0).map(async (clientId) => {
        const client = await mqtt.connectAsync(broker.url, { ...broker.service, clientId, clean: true });
        await client.endAsync();
      }),
    );
  });

  afterAll(async () => {
    await Promise.all(lateDevices.map((device) => device.close()));
    await meter?.close();
    await broker?.stop();
    await dataSource?.destroy();
    await database?.drop();
  });

  /**
   * The pool with the sessions of `clientIdBase`, recording the msgId of every reading each connection hears, and
   * storing statuses as `storeStatus` does.
   */
  async function startPool(clientIdBase: string, storeStatus = () => Promise.resolve()): Promise<string[]> {
    const heard: string[] = [];
    const options = testGatewayOptions(broker, 'unused', clientIdBase);
    expect(options.mqtt.connections).toBeGreaterThan(1);
    sessions.push(...Array.from({ length: options.mqtt.connections }, (_, index) => `${clientIdBase}-${index}`));
    const pool = new MqttConnections(options);
    pools.push(pool);
    await pool.start(async (topic, payload) => {
      if (topic.endsWith('/up')) heard.push((JSON.parse(payload.toString()) as { msgId: string }).msgId);
      if (topic.endsWith('/status')) {
        statuses.push(`${topic} ${payload.toString()}`);
        await storeStatus();
      }
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

    // The other connections asked the broker for no replay (MQTT 5 retain handling 2), and it sent none.
    expect(statuses).toEqual([`${deviceTopic('wm-pool-1', 'status')} {"online":true}`]);
  });

  it('hears readings on every connection while the retained statuses it replayed are still being stored', async () => {
    // A store that has not finished with the replays: a connection that waited for it would hear nothing more.
    let stored!: () => void;
    const storing = new Promise<void>((resolve) => (stored = resolve));
    statuses.length = 0;
    const heard = await startPool(`pool-${randomBytes(4).toString('hex')}`, () => storing);
    await expectEventually(() => expect(statuses).toHaveLength(1));

    const sent: string[] = [];
    for (let reading = 1; reading <= READINGS; reading++)
      sent.push((await meter.send({ kind: 'water', totalLiters: 3_000 + reading })).msgId);
    await expectEventually(() => expect(new Set(heard)).toEqual(new Set(sent)));
    stored();
  });

  it('hears the status of every device that connects once the pool is up, whichever connection takes it', async () => {
    await startPool(`pool-${randomBytes(4).toString('hex')}`);
    statuses.length = 0;
    const ids = Array.from({ length: LATE_DEVICES }, () => `wm-late-${randomBytes(3).toString('hex')}`);
    const registered = await broker.registerDevices(ids.map((id) => ({ id, type: 'water_meter', elderId: null })));
    for (const [index, id] of ids.entries())
      lateDevices.push(
        await SimulatedDevice.connect({
          url: broker.url,
          deviceId: id,
          type: 'water_meter',
          secret: registered[index].secret,
          reconnectPeriodMs: 0,
        }),
      );

    await expectEventually(() =>
      expect(new Set(statuses)).toEqual(new Set(ids.map((id) => `${deviceTopic(id, 'status')} {"online":true}`))),
    );
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
