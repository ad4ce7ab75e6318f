import { brokerDropsKey, type BrokerDropsRecord } from '@eldercare/contracts';
import { ApiClient, testEnvironment } from '@eldercare/testing';
import { PlatformUnderTest } from '@eldercare/test/platform/platform-under-test';
import { Redis } from 'ioredis';
import { RECENT_BROKER_DROP_MS } from './dependency-probes';

describe('the health check', () => {
  let harness: PlatformUnderTest;
  let redis: Redis;

  beforeAll(async () => {
    harness = await PlatformUnderTest.start();
    redis = new Redis(testEnvironment.redisUrl);
  });

  afterAll(async () => {
    await redis?.del(brokerDropsKey(harness.queuePrefix));
    redis?.disconnect();
    await harness?.stop();
  });

  const health = () => new ApiClient(harness.apiUrl).get('/health');
  const recordDrops = (record: BrokerDropsRecord) => redis.hset(brokerDropsKey(harness.queuePrefix), record);

  it('is up while every part answers and the broker dropped nothing', async () => {
    const answer = await health();
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      status: 'ok',
      info: {
        postgres: { status: 'up' },
        redis: { status: 'up' },
        broker: { status: 'up' },
        brokerDrops: { status: 'up' },
      },
    });
  });

  it('is down, saying how many, while the broker dropped messages lately', async () => {
    await recordDrops({ brokerTotal: 40, lastDropAt: Date.now() - 1000, lastDropCount: 7 });
    const answer = await health();
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({
      error: {
        brokerDrops: {
          status: 'down',
          message: expect.stringMatching(/^the broker dropped 7 message\(s\) at .* \(40 since it started\)/),
        },
      },
    });
  });

  it('is up again once the last drop is older than the window', async () => {
    await recordDrops({ brokerTotal: 40, lastDropAt: Date.now() - RECENT_BROKER_DROP_MS - 1000, lastDropCount: 7 });
    expect((await health()).status).toBe(200);
  });
});
