/**
 * queue-handoff: how the gateway should hand stored events to the worker: one BullMQ job per event (idempotent by job id, what
 * the gateway does) or one job per committed batch. Every BullMQ job is a Lua script in Redis, so this measures
 * whether per-event jobs keep up with the gateway's ingest rate, and prints the ratio between the two.
 */
import { DEFAULT_REDIS_URL, loadConfig } from '@eldercare/config';
import { deviceEventJobId, JobName, QueueName, type DeviceEventJob } from '@eldercare/contracts';
import { openQueue, PLATFORM_JOB_OPTIONS } from '@eldercare/job-bus';
// The batch queue is the alternative being measured, not one of the platform's queues, so it is BullMQ's own.
import { Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { runPart } from '../harness/run-part';

const EVENTS = 20_000;
const BATCH = 500;

function event(index: number): DeviceEventJob {
  const now = new Date().toISOString();
  return {
    eventId: String(index + 1),
    deviceId: `wm-${String(index % 5000).padStart(6, '0')}`,
    deviceType: 'water_meter',
    elderId: null,
    uplink: { msgId: String(index), kind: 'water', totalLiters: 1523.5 + index, flowLpm: 0 },
    occurredAt: now,
    receivedAt: now,
    storedAt: now,
  };
}

async function timed(label: string, run: () => Promise<void>): Promise<number> {
  const started = process.hrtime.bigint();
  await run();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rate = EVENTS / seconds;
  console.log(`  ${label.padEnd(34)} ${seconds.toFixed(2)} s  ${Math.round(rate).toLocaleString('en')} events/s`);
  return rate;
}

runPart('queue-handoff', async ({ sheet }) => {
  const prefix = `bench-${randomBytes(4).toString('hex')}`;
  const connection = { url: loadConfig().REDIS_URL ?? DEFAULT_REDIS_URL };
  const perEvent = openQueue(QueueName.DeviceEvents, { redis: connection, queuePrefix: prefix });
  const perBatch = new Queue<{ events: DeviceEventJob[] }>('device-event-batches', {
    connection,
    prefix,
    defaultJobOptions: PLATFORM_JOB_OPTIONS,
  });
  const events = Array.from({ length: EVENTS }, (_, index) => event(index));
  console.log(
    `  queue hand-off: ${EVENTS.toLocaleString('en')} events in batches of ${BATCH}, Redis ${connection.url}`,
  );
  try {
    const jobPerEvent = await timed('one job per event (addBulk)', async () => {
      for (let start = 0; start < EVENTS; start += BATCH) {
        const slice = events.slice(start, start + BATCH);
        await perEvent.addBulk(
          slice.map((data) => ({ name: JobName.ProcessDeviceEvent, data, opts: { jobId: deviceEventJobId(data) } })),
        );
      }
    });
    const again = await timed('same events again (deduplicated)', async () => {
      for (let start = 0; start < EVENTS; start += BATCH) {
        const slice = events.slice(start, start + BATCH);
        await perEvent.addBulk(
          slice.map((data) => ({ name: JobName.ProcessDeviceEvent, data, opts: { jobId: deviceEventJobId(data) } })),
        );
      }
    });
    const jobPerBatch = await timed('one job per batch', async () => {
      for (let start = 0; start < EVENTS; start += BATCH)
        await perBatch.add('process-batch', { events: events.slice(start, start + BATCH) });
    });
    const waiting = await perEvent.getWaitingCount();
    if (waiting !== EVENTS) sheet.note(`${waiting} jobs waiting after both rounds, not ${EVENTS}`);
    sheet.add('job_per_event_per_s', jobPerEvent, 'events/s');
    sheet.add('redelivered_job_per_event_per_s', again, 'events/s', 'job_per_event_per_s');
    sheet.add('job_per_batch_events_per_s', jobPerBatch, 'events/s', 'job_per_event_per_s');
  } finally {
    await perEvent.obliterate({ force: true });
    await perBatch.obliterate({ force: true });
    await perEvent.close();
    await perBatch.close();
  }
});
