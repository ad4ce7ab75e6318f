/**
 * Messages per second through the gateway on this machine: devices publish water readings as fast as the broker
 * takes them; the figure is the rate at which they end up stored in Postgres and queued in Redis. Run against the
 * project's Mosquitto (dynamic security), once with a single broker connection (every message waits for its own
 * commit: the baseline) and once with the default pool, so the ratio is measured in the same run.
 */
import { DEFAULT_REDIS_URL, loadConfig } from '@eldercare/config';
import { QueueName } from '@eldercare/contracts';
import { SimulatedDevice } from '@eldercare/devices';
import { GatewayMetrics } from '@eldercare/gateway';
import { openQueue } from '@eldercare/job-bus';
import { DeviceRepository, openDatabase } from '@eldercare/persistence';
import { createEmptyDatabase, dropDatabase } from '@eldercare/testing';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { startTestBroker } from '@eldercare/test/broker/test-broker';
import { startTestGateway, testGatewayOptions } from '@eldercare/test/gateway/test-gateway';

const DEVICES = 200;
const MESSAGES_PER_DEVICE = Number(process.argv[2] ?? 100);
const POOL = loadConfig().GATEWAY_CONNECTIONS;

interface Figures {
  seconds: number;
  perSecond: number;
  batches: number;
  rowsPerBatch: number;
  largestBatch: number;
}

async function run(connections: number, runIndex: number): Promise<Figures> {
  const database = `eldercare_bench_${randomBytes(4).toString('hex')}`;
  const url = await createEmptyDatabase(database);
  const dataSource = await openDatabase(url, { poolSize: 2 });
  const broker = await startTestBroker('mosquitto', new DeviceRepository(dataSource));
  const issued = await broker.registerDevices(
    Array.from({ length: DEVICES }, (_, index) => ({
      id: `wm-bench-${index}`,
      type: 'water_meter' as const,
      elderId: null,
    })),
  );
  const meters = await Promise.all(
    issued.map(({ deviceId, secret }) =>
      SimulatedDevice.connect({ url: broker.url, deviceId, type: 'water_meter', secret }),
    ),
  );

  const options = testGatewayOptions(
    broker,
    `bench-${runIndex}-${randomBytes(3).toString('hex')}`,
    `gateway-bench-${runIndex}`,
  );
  options.mqtt.connections = connections;
  options.redis = { url: loadConfig().REDIS_URL ?? DEFAULT_REDIS_URL };
  const gateway = await startTestGateway(url, options);
  const metrics = gateway.get(GatewayMetrics);
  const total = DEVICES * MESSAGES_PER_DEVICE;
  const counter = new Client({ connectionString: url });
  await counter.connect();
  const baseline = metrics.batches;

  const started = process.hrtime.bigint();
  await Promise.all(
    meters.map(async (meter) => {
      for (let reading = 0; reading < MESSAGES_PER_DEVICE; reading++)
        await meter.send({ kind: 'water', totalLiters: 1000 + reading, flowLpm: 0 });
    }),
  );
  const deadline = Date.now() + 300_000;
  while (Number((await counter.query('SELECT count(*) AS n FROM device_messages')).rows[0].n) < total) {
    if (Date.now() > deadline) throw new Error('not all messages were stored within 5 minutes');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const batches = metrics.batches - baseline;

  const queue = openQueue(QueueName.DeviceEvents, options);
  const queued = await queue.getJobCountByTypes('waiting', 'delayed');
  if (queued < total) throw new Error(`only ${queued} of ${total} events were queued`);

  await Promise.all(meters.map((meter) => meter.close()));
  await gateway.close();
  await queue.obliterate({ force: true });
  await queue.close();
  await counter.end();
  await broker.stop();
  await dataSource.destroy();
  await dropDatabase(database);
  return {
    seconds,
    perSecond: total / seconds,
    batches,
    rowsPerBatch: metrics.received / Math.max(1, metrics.batches),
    largestBatch: metrics.largestBatch,
  };
}

function print(label: string, figures: Figures): void {
  console.log(
    `${label.padEnd(26)} ${figures.seconds.toFixed(2)} s  ${Math.round(figures.perSecond).toLocaleString('en').padStart(6)} msg/s  ` +
      `${figures.batches} batches, ${figures.rowsPerBatch.toFixed(1)} rows/batch (largest ${figures.largestBatch})`,
  );
}

async function main(): Promise<void> {
  console.log(
    `gateway ingest: ${DEVICES} devices x ${MESSAGES_PER_DEVICE} water readings through Mosquitto, stored and queued`,
  );
  const single = await run(1, 1);
  print('1 connection (baseline)', single);
  const pooled = await run(POOL, 2);
  print(`${POOL} connections (default)`, pooled);
  console.log(`ratio ${POOL} / 1 connections: ${(pooled.perSecond / single.perSecond).toFixed(2)}x`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
