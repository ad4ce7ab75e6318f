import { connectProvisioner } from '@eldercare/broker';
import { brokerDropsKey, readBrokerDropsRecord } from '@eldercare/contracts';
import { platformMetrics } from '@eldercare/metrics';
import { deviceTopic } from '@eldercare/protocol';
import { startTestMosquitto, testEnvironment, type TestMosquitto } from '@eldercare/testing';
import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { connectAsync } from 'mqtt';
import { randomBytes } from 'node:crypto';
import type { GatewayOptions } from '../gateway.options';
import { BrokerDropWatch } from './broker-drop-watch';

const QUEUE_LIMIT = 2;
const PUBLISHED = 10;

describe('BrokerDropWatch on a Mosquitto with a tiny per-session queue', () => {
  let mosquitto: TestMosquitto;
  let closeAdmin: () => Promise<void>;
  const service = { username: 'eldercare-gateway', password: randomBytes(18).toString('base64url') };
  const device = { deviceId: 'wm-drops-000001', secret: randomBytes(18).toString('base64url') };

  beforeAll(async () => {
    mosquitto = await startTestMosquitto({ max_queued_messages: String(QUEUE_LIMIT), sys_interval: '1' });
    const admin = await connectProvisioner(mosquitto.url, mosquitto.admin);
    closeAdmin = () => admin.close();
    await admin.provisioner.ensureServiceAccount(service.username, service.password);
    await admin.provisioner.provisionDevices([device]);
  });

  afterAll(async () => {
    await closeAdmin();
    await mosquitto.stop();
  });

  it('turns a message the broker dropped into a metric, an error in the log and a record for the health check', async () => {
    const logged: string[] = [];
    const loud = new Promise<void>((resolve) => {
      jest.spyOn(Logger.prototype, 'error').mockImplementation((message: unknown) => {
        logged.push(String(message));
        if (String(message).includes(`(${PUBLISHED - QUEUE_LIMIT} since it started)`)) resolve();
      });
    });
    const options = {
      mqtt: { url: mosquitto.url, ...service, clientIdBase: 'gateway-drops' },
      redis: { url: testEnvironment.redisUrl },
      queuePrefix: `drops-${randomBytes(4).toString('hex')}`,
    } as GatewayOptions;
    const watch = new BrokerDropWatch(options);
    await watch.onApplicationBootstrap();

    // A gateway session that went away: the broker queues what arrives for it, up to the limit, and drops the rest.
    const gateway = await connectAsync(mosquitto.url, { ...service, clientId: 'gateway-drops-0', clean: false });
    await gateway.subscribeAsync(deviceTopic('+', 'up'), { qos: 1 });
    await gateway.endAsync();
    const meter = await connectAsync(mosquitto.url, {
      username: device.deviceId,
      password: device.secret,
      clientId: device.deviceId,
    });
    for (let n = 0; n < PUBLISHED; n++)
      await meter.publishAsync(deviceTopic(device.deviceId, 'up'), JSON.stringify({ n }), { qos: 1 });
    await meter.endAsync();

    await loud;
    await watch.onApplicationShutdown();
    const dropped = (await platformMetrics.brokerMessagesDropped.get()).values[0]?.value;
    expect(dropped).toBe(PUBLISHED - QUEUE_LIMIT);
    expect(logged.filter((line) => /^the broker dropped \d+ message\(s\)/.test(line)).length).toBeGreaterThan(0);

    const redis = new Redis(options.redis.url);
    const key = brokerDropsKey(options.queuePrefix);
    const record = readBrokerDropsRecord(await redis.hgetall(key));
    await redis.del(key);
    redis.disconnect();
    expect(record).toMatchObject({ brokerTotal: PUBLISHED - QUEUE_LIMIT, lastDropAt: expect.any(Number) });
  });
});
