/**
 * alarm-latency: sos presses from call buttons that send nothing else, measured from the press to the `received`
 * ack at the button and to `alert.raised` at a signed-in operator's socket.io client: with the platform idle, while
 * water readings flow at 50 % and 90 % of the best sustained ingest rate, under overload (150 %, the presses on the
 * `alarm` topic: on `up` an alarm shares the broker's queue to the gateway with the readings piling up there), and
 * while a backlog of queued readings drains behind a worker that was away. Baselines, same run: a bare MQTT publish → subscribe round trip on the same
 * broker, and a bare socket.io echo on loopback.
 *
 * BENCH_ALARM_TOPIC=alarm publishes the presses of the other phases on a device's `alarm` topic instead of `up`.
 */
import type { AlertView, ClientToServerEvents, ServerToClientEvents } from '@eldercare/contracts';
import { JobName, QueueName, type DeviceEventJob } from '@eldercare/contracts';
import { SimulatedDevice } from '@eldercare/devices';
import { openQueue } from '@eldercare/job-bus';
import { IngestRepository } from '@eldercare/persistence';
import { deviceTopic, encodeUplink, TOPIC_ROOT, type Uplink } from '@eldercare/protocol';
import { ApiClient } from '@eldercare/testing';
import { connectAsync } from 'mqtt';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io, type Socket } from 'socket.io-client';
import { BenchStack, sleep, type BenchDevice } from '../harness/bench-stack';
import type { FigureSheet } from '../harness/figures';
import { summarise } from '../harness/latency';
import { ReadingGenerator } from '../harness/reading-generator';
import { lastFigure } from '../harness/results';
import { runPart } from '../harness/run-part';

/** The one switch between today's path (sos on `up`, with the readings) and an alarm topic of its own. */
const ALARM_CHANNEL = process.env.BENCH_ALARM_TOPIC === 'alarm' ? 'alarm' : 'up';
const METERS = 1_000;
const PRESSES_PER_PHASE = 16;
const PRESS_INTERVAL_MS = 500;
/** How long after its last press a phase waits for what is still missing; then what is missing is lost. */
const PHASE_WAIT_MS = 20_000;
const BASELINE_ROUND_TRIPS = 200;
/** Readings queued behind a worker that was away (BENCH_BACKLOG_READINGS for a shorter run). */
const BACKLOG = Number(process.env.BENCH_BACKLOG_READINGS) || 1_000_000;
/** Readings per job of the queued backlog: a gateway batch with the default 256 broker connections. */
const GATEWAY_BATCH = 256;
const DEFAULT_INGEST_RATE = 500;

interface Press {
  elderId: string;
  msgId: string;
  pressedAt: number;
  receivedAt: number[];
  raisedAt: number[];
}

runPart('alarm-latency', async (context) => {
  const { sheet } = context;
  const sustained = Number(process.env.BENCH_INGEST_MSGS_PER_S) || lastFigure('ingest', 'ingest_msgs_per_s');
  const rate = sustained ?? DEFAULT_INGEST_RATE;
  if (sustained === undefined) sheet.note(`no ingest figure measured yet: loads relative to ${rate} msg/s`);
  console.log(`  best sustained ingest: ${Math.round(rate)} msg/s; presses on \`${ALARM_CHANNEL}\``);

  const stack = await BenchStack.start(context);
  const phases = ['idle', 'load_50', 'load_90', 'overload', 'backlog'] as const;
  const { elderIds, districtId } = await stack.createElders(METERS + phases.length * PRESSES_PER_PHASE);
  const meters = await stack.registerDevices('water_meter', 'wm-alarm', elderIds.slice(0, METERS));
  const buttonDevices = await stack.registerDevices('call_button', 'btn-alarm', elderIds.slice(METERS));
  const [probe] = await stack.registerDevices('call_button', 'btn-probe', [null]);

  await baselines(stack, probe, sheet);

  await stack.startGateway('bench-alarm');
  let worker = await stack.startWorker();
  const { url } = await stack.startApi();
  const operator = await stack.operatorOf(districtId);
  const client = await ApiClient.signedIn(url, operator.username, operator.password);
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, {
    transports: ['websocket'],
    extraHeaders: { cookie: client.cookieHeader },
    reconnection: false,
  });
  context.onCleanup(async () => socket.disconnect());
  await new Promise<void>((resolve) => socket.once('alert.snapshot', () => resolve()));
  const presses = new Map<string, Press>();
  socket.on('alert.raised', (alert: AlertView) => presses.get(alert.elder.id)?.raisedAt.push(performance.now()));

  const buttons = await Promise.all(
    buttonDevices.map((device) =>
      SimulatedDevice.connect({
        url: stack.broker.url,
        deviceId: device.deviceId,
        secret: device.secret,
        type: 'call_button',
      }),
    ),
  );
  context.onCleanup(() => Promise.all(buttons.map((button) => button.kill())));
  const generator = await ReadingGenerator.start(stack.broker.url, meters);
  context.onCleanup(() => generator.close());

  const pressAll = async (phase: string, group: SimulatedDevice[], waitMs: number, channel = ALARM_CHANNEL) => {
    const phasePresses: Press[] = [];
    for (const [index, button] of group.entries()) {
      const elderId = buttonDevices[buttons.indexOf(button)].elderId!;
      const uplink: Uplink = { msgId: `sos-${phase}-${index}`, kind: 'sos' };
      const press: Press = { elderId, msgId: uplink.msgId, pressedAt: performance.now(), receivedAt: [], raisedAt: [] };
      presses.set(elderId, press);
      phasePresses.push(press);
      button.on('downlink', (downlink) => {
        if (downlink.kind === 'ack' && downlink.ref === uplink.msgId && downlink.state === 'received')
          press.receivedAt.push(performance.now());
      });
      const topic = channel === 'up' ? undefined : `${TOPIC_ROOT}/${button.deviceId}/${channel}`;
      await button.publishRaw(encodeUplink(uplink), { topic });
      await sleep(PRESS_INTERVAL_MS);
    }
    const deadline = Date.now() + waitMs;
    while (Date.now() < deadline && phasePresses.some((press) => !press.receivedAt.length || !press.raisedAt.length))
      await sleep(100);
    report(sheet, phase, phasePresses);
  };
  const group = (index: number) => buttons.slice(index * PRESSES_PER_PHASE, (index + 1) * PRESSES_PER_PHASE);

  console.log('  idle');
  await pressAll('idle', group(0), PHASE_WAIT_MS);
  for (const [index, share, channel] of [
    [1, 0.5, ALARM_CHANNEL],
    [2, 0.9, ALARM_CHANNEL],
    // More than the platform can store: readings wait in the broker's queue, the presses take the alarm topic.
    [3, 1.5, 'alarm'],
  ] as const) {
    console.log(`  readings at ${share * 100} % of ${Math.round(rate)} msg/s; presses on \`${channel}\``);
    generator.setRate(rate * share);
    await sleep(3_000);
    const [storedBefore, startedAt] = [await stack.storedCount(), performance.now()];
    await pressAll(phases[index], group(index), PHASE_WAIT_MS, channel);
    const seconds = (performance.now() - startedAt) / 1000;
    sheet.add(`${phases[index]}_offered_per_s`, rate * share, 'msg/s');
    sheet.add(`${phases[index]}_stored_per_s`, ((await stack.storedCount()) - storedBefore) / seconds, 'msg/s');
    generator.setRate(0);
    await sleep(2_000);
  }

  // The worker is away while readings pile up in its queue; the presses come as it starts draining them.
  await worker.kill();
  console.log(`  ${BACKLOG.toLocaleString('en')} readings queued behind a stopped worker`);
  await queueBacklog(stack, meters, BACKLOG);
  sheet.add('backlog_readings', BACKLOG, 'readings');
  worker = await stack.startWorker();
  const drainStarted = performance.now();
  await pressAll('backlog', group(4), Math.max(10_000, context.remainingMs() - 30_000));
  const left = await stack.backlog();
  // Presses answered while readings were still queued did not wait for the backlog.
  sheet.add('backlog_left_after_presses', left, 'readings');
  console.log(
    `  ${left.toLocaleString('en')} queued readings left ${Math.round((performance.now() - drainStarted) / 1000)} s after the worker started`,
  );
});

/** Press → received and press → screen, p50 / p99 / max, lost and duplicated, for one phase. */
function report(sheet: FigureSheet, phase: string, presses: Press[]): void {
  const received = summarise(
    presses.filter((press) => press.receivedAt.length).map((press) => press.receivedAt[0] - press.pressedAt),
  );
  const raised = summarise(
    presses.filter((press) => press.raisedAt.length).map((press) => press.raisedAt[0] - press.pressedAt),
  );
  sheet.add(`${phase}_received_p50_ms`, received.p50, 'ms', 'mqtt_round_trip_p50_ms');
  sheet.add(`${phase}_received_p99_ms`, received.p99, 'ms', 'mqtt_round_trip_p99_ms');
  sheet.add(`${phase}_received_max_ms`, received.max, 'ms');
  sheet.add(`${phase}_screen_p50_ms`, raised.p50, 'ms', 'socketio_echo_p50_ms');
  sheet.add(`${phase}_screen_p99_ms`, raised.p99, 'ms', 'socketio_echo_p99_ms');
  sheet.add(`${phase}_screen_max_ms`, raised.max, 'ms');
  sheet.add(`${phase}_lost`, presses.length - Math.min(received.count, raised.count), `of ${presses.length}`);
  sheet.add(
    `${phase}_duplicated`,
    presses.filter((press) => press.receivedAt.length > 1 || press.raisedAt.length > 1).length,
    `of ${presses.length}`,
  );
}

/** A bare MQTT round trip (a device publishes, the gateway's account receives) and a bare socket.io echo. */
async function baselines(stack: BenchStack, probe: BenchDevice, sheet: FigureSheet): Promise<void> {
  const subscriber = await connectAsync(stack.broker.url, {
    ...stack.broker.service,
    clientId: 'bench-rtt',
    clean: true,
  });
  await subscriber.subscribeAsync(deviceTopic(probe.deviceId, 'up'), { qos: 1 });
  const device = await connectAsync(stack.broker.url, {
    clientId: probe.deviceId,
    username: probe.deviceId,
    password: probe.secret,
  });
  const mqtt: number[] = [];
  for (let index = 0; index < BASELINE_ROUND_TRIPS; index++) {
    const arrived = new Promise<void>((resolve) => subscriber.once('message', () => resolve()));
    const started = performance.now();
    await device.publishAsync(deviceTopic(probe.deviceId, 'up'), `{"msgId":"rtt-${index}","kind":"sos"}`, { qos: 1 });
    await arrived;
    mqtt.push(performance.now() - started);
  }
  await device.endAsync(true);
  await subscriber.endAsync(true);

  const http = createServer();
  const server = new Server(http);
  server.on('connection', (socket) =>
    socket.on('echo', (payload: unknown, answer: (payload: unknown) => void) => answer(payload)),
  );
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const client = io(`http://127.0.0.1:${(http.address() as AddressInfo).port}`, { transports: ['websocket'] });
  await new Promise<void>((resolve) => client.once('connect', resolve));
  const echo: number[] = [];
  for (let index = 0; index < BASELINE_ROUND_TRIPS; index++) {
    const started = performance.now();
    await client.emitWithAck('echo', { index });
    echo.push(performance.now() - started);
  }
  client.disconnect();
  await server.close();

  const [mqttSummary, echoSummary] = [summarise(mqtt), summarise(echo)];
  sheet.add('mqtt_round_trip_p50_ms', mqttSummary.p50, 'ms');
  sheet.add('mqtt_round_trip_p99_ms', mqttSummary.p99, 'ms');
  sheet.add('socketio_echo_p50_ms', echoSummary.p50, 'ms');
  sheet.add('socketio_echo_p99_ms', echoSummary.p99, 'ms');
}

/**
 * Stores `count` readings of the meters and queues them as the gateway does (a job per batch of as many readings as
 * it has broker connections), without the gateway: a backlog of that size through the broker would take minutes to
 * build on this machine.
 */
async function queueBacklog(stack: BenchStack, meters: BenchDevice[], count: number): Promise<void> {
  const ingest = new IngestRepository(stack.dataSource);
  const queue = openQueue(QueueName.DeviceEvents, stack.queueOptions);
  const chunk = 2_000;
  for (let start = 0; start < count; start += chunk) {
    const messages = Array.from({ length: Math.min(chunk, count - start) }, (_, offset) => {
      const index = start + offset;
      const meter = meters[index % meters.length];
      const uplink: Uplink = {
        msgId: `backlog-${index}`,
        kind: 'water',
        totalLiters: 2_000 + Math.floor(index / meters.length),
        flowLpm: 0,
      };
      const at = new Date();
      return {
        meter,
        uplink,
        message: {
          deviceId: meter.deviceId,
          msgId: uplink.msgId,
          kind: uplink.kind,
          body: uplink,
          occurredAt: at,
          receivedAt: at,
        },
      };
    });
    const stored = await ingest.store({
      messages: messages.map((entry) => entry.message),
      rejections: [],
      activity: [],
    });
    const jobs: DeviceEventJob[] = stored.map((row, index) => ({
      eventId: row.id,
      deviceId: row.deviceId,
      deviceType: 'water_meter',
      elderId: messages[index].meter.elderId,
      uplink: messages[index].uplink,
      occurredAt: messages[index].message.occurredAt.toISOString(),
      receivedAt: messages[index].message.receivedAt.toISOString(),
      storedAt: row.storedAt.toISOString(),
    }));
    const batches = Array.from({ length: Math.ceil(jobs.length / GATEWAY_BATCH) }, (_, batch) =>
      jobs.slice(batch * GATEWAY_BATCH, (batch + 1) * GATEWAY_BATCH),
    );
    await queue.addBulk(
      batches.map((readings, batch) => ({
        name: JobName.ProcessDeviceReadings,
        data: { readings },
        opts: { jobId: `backlog-${start}-${batch}` },
      })),
    );
  }
  await queue.close();
}
