/**
 * worker-rules: events per second through the rules worker on this machine: stored device messages (vitals and water readings
 * of 200 elders) queued on `device-events`, then taken by the worker, which locks the devices' rule states,
 * evaluates the rules, stores alerts and states, and keeps timers in line. Run with one job per reading at one
 * concurrent job and at the default concurrency, and with a job per gateway batch, so the ratios are measured in the
 * same run.
 */
import { DEFAULT_REDIS_URL, loadConfig } from '@eldercare/config';
import { deviceEventJobId, JobName, QueueName, type DeviceEventJob } from '@eldercare/contracts';
import { obliterateEveryQueue, openQueue } from '@eldercare/job-bus';
import { DeviceRepository, IngestRepository, openDatabase, PersistenceModule } from '@eldercare/persistence';
import type { Uplink } from '@eldercare/protocol';
import { createEmptyDatabase, createTestElder, dropDatabase } from '@eldercare/testing';
import { workerOptionsFrom, WorkerModule } from '@eldercare/worker';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { runPart } from '../harness/run-part';

const ELDERS = 200;
const READINGS_PER_DEVICE = 25;

/** Readings per job when queued as the gateway does: a batch with the default 32 broker connections. */
const GATEWAY_BATCH = 32;

/**
 * `perJob` 1 queues one job per reading, device after device; more queues the readings as the gateway does, a job
 * per batch, in the order the devices send them (each batch holding readings of many devices).
 */
async function run(concurrency: number, perJob = 1): Promise<{ seconds: number; perSecond: number; alerts: number }> {
  const database = `eldercare_bench_${randomBytes(4).toString('hex')}`;
  const url = await createEmptyDatabase(database);
  const dataSource = await openDatabase(url, { poolSize: 4 });
  const devices = new DeviceRepository(dataSource);
  const jobs: DeviceEventJob[] = [];
  const start = Date.now() - READINGS_PER_DEVICE * 300_000;
  const registrations: { id: string; type: 'wearable' | 'water_meter'; elderId: string; secretHash: string }[] = [];
  for (let elder = 0; elder < ELDERS; elder++) {
    const elderId = await createTestElder(dataSource);
    registrations.push(
      { id: `watch-${elder}`, type: 'wearable', elderId, secretHash: 'x' },
      { id: `wm-${elder}`, type: 'water_meter', elderId, secretHash: 'x' },
    );
  }
  await devices.insert(registrations);

  const messages = registrations.flatMap(({ id, type }, deviceIndex) =>
    Array.from({ length: READINGS_PER_DEVICE }, (_, reading) => {
      const uplink: Uplink =
        type === 'wearable'
          ? {
              msgId: `${reading}`,
              kind: 'vitals',
              heartRate: deviceIndex % 10 === 0 && reading > 20 ? 130 : 70 + (reading % 7),
              spo2: 97,
            }
          : { msgId: `${reading}`, kind: 'water', totalLiters: 1000 + reading * 3, flowLpm: reading % 4 === 0 ? 6 : 0 };
      const at = new Date(start + reading * 300_000);
      return { deviceId: id, msgId: uplink.msgId, kind: uplink.kind, body: uplink, occurredAt: at, receivedAt: at };
    }),
  );
  const stored = await new IngestRepository(dataSource).store({ messages, rejections: [], activity: [] });
  const elderOf = new Map(registrations.map((device) => [device.id, device]));
  stored.forEach((row, index) => {
    const message = messages[index];
    const device = elderOf.get(row.deviceId)!;
    jobs.push({
      eventId: row.id,
      deviceId: row.deviceId,
      deviceType: device.type,
      elderId: device.elderId,
      uplink: message.body,
      occurredAt: message.occurredAt.toISOString(),
      receivedAt: message.receivedAt.toISOString(),
      storedAt: row.storedAt.toISOString(),
    });
  });

  const env = {
    ...loadConfig(),
    REDIS_URL: loadConfig().REDIS_URL ?? DEFAULT_REDIS_URL,
    QUEUE_PREFIX: `bench-${randomBytes(3).toString('hex')}`,
  };
  // Readings only: no thread of alarms.
  const options = { ...workerOptionsFrom(env, { url }), concurrency, alarmLane: { runs: 'inline' as const } };
  const queue = openQueue(QueueName.DeviceEvents, options);
  if (perJob === 1) {
    for (let index = 0; index < jobs.length; index += 500) {
      await queue.addBulk(
        jobs
          .slice(index, index + 500)
          .map((data) => ({ name: JobName.ProcessDeviceEvent, data, opts: { jobId: deviceEventJobId(data) } })),
      );
    }
  } else {
    const sent = [...jobs].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
    const batches = Array.from({ length: Math.ceil(sent.length / perJob) }, (_, batch) =>
      sent.slice(batch * perJob, (batch + 1) * perJob),
    );
    await queue.addBulk(
      batches.map((readings, batch) => ({
        name: JobName.ProcessDeviceReadings,
        data: { readings },
        opts: { jobId: `batch-${batch}` },
      })),
    );
  }

  @Module({
    imports: [PersistenceModule.forRoot({ url, poolSize: Math.max(4, concurrency) }), WorkerModule.forRoot(options)],
  })
  class BenchWorkerModule {}
  const started = process.hrtime.bigint();
  const worker = await NestFactory.createApplicationContext(BenchWorkerModule, { logger: ['error'] });
  await worker.init();
  while ((await queue.getJobCountByTypes('waiting', 'active', 'delayed', 'prioritized')) > 0)
    await new Promise((resolve) => setTimeout(resolve, 20));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;

  const counter = new Client({ connectionString: url });
  await counter.connect();
  const alerts = Number((await counter.query('SELECT count(*) AS n FROM alerts')).rows[0].n);
  await counter.end();
  await worker.close();
  await queue.close();
  await obliterateEveryQueue(options);
  await dataSource.destroy();
  await dropDatabase(database);
  return { seconds, perSecond: jobs.length / seconds, alerts };
}

runPart('worker-rules', async ({ sheet }) => {
  const total = ELDERS * 2 * READINGS_PER_DEVICE;
  console.log(
    `  rules worker: ${total.toLocaleString('en')} events (${ELDERS} elders, a watch and a water meter each, ${READINGS_PER_DEVICE} readings per device)`,
  );
  const single = await run(1);
  sheet.add('concurrency_1_events_per_s', single.perSecond, 'events/s');
  const concurrency = loadConfig().WORKER_CONCURRENCY;
  const pooled = await run(concurrency);
  sheet.add(`concurrency_${concurrency}_events_per_s`, pooled.perSecond, 'events/s', 'concurrency_1_events_per_s');
  const batched = await run(concurrency, GATEWAY_BATCH);
  sheet.add(
    `gateway_batches_concurrency_${concurrency}_events_per_s`,
    batched.perSecond,
    'events/s',
    'concurrency_1_events_per_s',
  );
  if (new Set([single.alerts, pooled.alerts, batched.alerts]).size > 1)
    sheet.note(
      `alerts differ: ${single.alerts} at 1, ${pooled.alerts} at ${concurrency}, ${batched.alerts} in gateway batches`,
    );
  sheet.add('alerts_raised', pooled.alerts, 'alerts');
});
