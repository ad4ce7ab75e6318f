/**
 * reconnect-storm: a broker restart with every device on persistent sessions (clean: false, QoS 1). Water meters
 * are connected and online; each sends its readings as the broker goes down (mqtt.js keeps what the broker has not
 * acknowledged and sends it once connected again, as firmware keeps its readings), the broker restarts with its
 * persistence, and every device reconnects at once (1 s after losing its connection, as the platform's clients do).
 * Measured: the time until the gateway has seen every device online again, and until every queued reading is stored;
 * and sos presses from call buttons during the storm, press → `received` ack.
 *
 * Baselines, same run: the time the broker took to restart (devices can do nothing before), and the press → `received`
 * latency of the same buttons before the restart.
 *
 * As many devices as the machine allows: the broker and each device process may hold about 20,000 sockets (the file
 * limit here), and each device process connects about a thousand a second.
 */
import { SimulatedDevice } from '@eldercare/devices';
import { BenchStack, sleep } from '../harness/bench-stack';
import { DeviceFleet } from '../harness/device-fleet';
import type { FigureSheet } from '../harness/figures';
import { summarise } from '../harness/latency';
import { runPart } from '../harness/run-part';

const METERS = Number(process.env.BENCH_STORM_DEVICES) || 15_000;
const ISSUE_DEVICES = 20_000;
const READINGS_PER_METER = 2;
const BUTTONS = 4;
const FLEET_PROCESSES = 2;
const PRESS_INTERVAL_MS = 500;
const IDLE_PRESSES = 8;
/** How long a press may wait for its `received` before it counts as lost. */
const ACK_WAIT_MS = 30_000;
/** With no meter connecting again and nothing new online or stored for this long, the storm is not being absorbed. */
const STALL_MS = 20_000;
/** Time kept back for the figures and the clean-up. */
const RESERVE_MS = 20_000;

interface Press {
  pressedAt: number;
  receivedAt?: number;
}

runPart('reconnect-storm', async (context) => {
  const { sheet } = context;
  const stack = await BenchStack.start(context);
  const mosquitto = stack.broker.mosquitto!;
  const { elderIds } = await stack.createElders(BUTTONS);
  const meterDevices = await stack.registerDevicesInBulk('water_meter', 'wm-storm', Array<null>(METERS).fill(null));
  const buttonDevices = await stack.registerDevicesInBulk('call_button', 'btn-storm', elderIds);
  await stack.startGateway('bench-storm');
  await stack.startWorker();

  const connecting = performance.now();
  const { fleet, connected, failed } = await DeviceFleet.start(stack.broker.url, meterDevices, {
    processes: FLEET_PROCESSES,
  });
  context.onCleanup(() => fleet.close());
  const buttons = await Promise.all(
    buttonDevices.map(({ deviceId, secret }) =>
      SimulatedDevice.connect({ url: stack.broker.url, deviceId, secret, type: 'call_button' }),
    ),
  );
  context.onCleanup(() => Promise.all(buttons.map((button) => button.kill())));
  const devices = connected + buttons.length;
  console.log(
    `  ${connected.toLocaleString('en')} water meters (${failed} failed) and ${buttons.length} call buttons connected in ${((performance.now() - connecting) / 1000).toFixed(1)} s`,
  );
  if (connected < METERS) sheet.note(`${METERS - connected} of ${METERS} meters could not connect`);
  if (METERS < ISSUE_DEVICES)
    sheet.note(
      `${METERS.toLocaleString('en')} devices, not the issue's ${ISSUE_DEVICES.toLocaleString('en')}: ` +
        'the broker may hold about 20,000 sockets here (its file limit) and the part must fit its time limit',
    );
  await waitFor(() => onlineSince(stack, new Date(0)).then((online) => online >= devices), 60_000);

  const presser = new Presser(buttons);
  for (let press = 0; press < IDLE_PRESSES; press++) {
    presser.press();
    await sleep(PRESS_INTERVAL_MS);
  }
  await presser.settle(ACK_WAIT_MS);
  const idle = summarise(presser.latencies());
  const idleLost = presser.lost();

  const storedBefore = await meterReadings(stack);
  fleet.sendReadings(READINGS_PER_METER);
  const expected = storedBefore + connected * READINGS_PER_METER;
  const restartAt = new Date();
  const restarting = performance.now();
  await mosquitto.restart();
  const restartSeconds = (performance.now() - restarting) / 1000;
  console.log(`  broker restarted in ${restartSeconds.toFixed(2)} s; every device reconnects`);

  const stormPresser = new Presser(buttons);
  const pressing = setInterval(() => stormPresser.press(), PRESS_INTERVAL_MS);
  let onlineAt: number | undefined;
  let storedAt: number | undefined;
  const deadline = Date.now() + context.remainingMs() - RESERVE_MS - ACK_WAIT_MS;
  let progress = { at: Date.now(), seen: -1 };
  while ((onlineAt === undefined || storedAt === undefined) && Date.now() < deadline) {
    await sleep(250);
    const [online, stored] = await Promise.all([onlineSince(stack, restartAt), meterReadings(stack)]);
    if (onlineAt === undefined && online >= devices) onlineAt = performance.now();
    if (storedAt === undefined && stored >= expected) storedAt = performance.now();
    // Meters still reconnecting are progress too: the platform hears from a meter only once it is back.
    const seen = online + stored + fleet.counts.connected;
    if (seen !== progress.seen) progress = { at: Date.now(), seen };
    else if (Date.now() - progress.at > STALL_MS) {
      sheet.note(`nothing more reached the platform for ${STALL_MS / 1000} s: the storm was given up`);
      break;
    }
  }
  clearInterval(pressing);
  await stormPresser.settle(ACK_WAIT_MS);
  const online = await onlineSince(stack, restartAt);
  const stored = (await meterReadings(stack)) - storedBefore;
  console.log(
    `  after the restart: ${online} of ${devices} devices online again, ${stored} of ${connected * READINGS_PER_METER} readings stored; ${fleet.counts.connected} meters connected`,
  );

  if (online === 0 && stored === 0)
    sheet.note(
      'after the restart nothing reached the platform from the meters in the time the part had: no device online ' +
        'again, no reading stored',
    );
  sheet.add('devices', devices, 'devices');
  sheet.add('queued_readings', connected * READINGS_PER_METER, 'readings');
  sheet.add('broker_restart_s', restartSeconds, 's');
  figureOrNote(sheet, 'all_online_again_s', onlineAt, restarting, `${online} of ${devices} devices online again`);
  figureOrNote(
    sheet,
    'all_readings_stored_s',
    storedAt,
    restarting,
    `${stored} of ${connected * READINGS_PER_METER} readings stored`,
  );
  const storm = summarise(stormPresser.latencies());
  sheet.add('idle_sos_received_p50_ms', idle.p50, 'ms');
  sheet.add('idle_sos_received_p99_ms', idle.p99, 'ms');
  if (storm.count > 0) {
    sheet.add('storm_sos_received_p50_ms', storm.p50, 'ms', 'idle_sos_received_p50_ms');
    sheet.add('storm_sos_received_p99_ms', storm.p99, 'ms', 'idle_sos_received_p99_ms');
    sheet.add('storm_sos_received_max_ms', storm.max, 'ms');
  }
  sheet.add('storm_sos_presses', stormPresser.count, 'presses');
  sheet.add('storm_sos_lost', stormPresser.lost(), 'presses');
  if (idleLost > 0) sheet.note(`${idleLost} of ${IDLE_PRESSES} presses before the restart were not acknowledged`);
});

/** Presses sos on the buttons in turn and times each press to its `received` ack. */
class Presser {
  private readonly presses: Press[] = [];
  private next = 0;

  constructor(private readonly buttons: SimulatedDevice[]) {}

  get count(): number {
    return this.presses.length;
  }

  press(): void {
    const button = this.buttons[this.next++ % this.buttons.length];
    const press: Press = { pressedAt: performance.now() };
    this.presses.push(press);
    // Pressed while the button is offline, the sos waits in its client and goes out once it is connected again.
    void button
      .send({ kind: 'sos' })
      .then(
        (uplink) =>
          button
            .nextDownlink(
              (downlink) => downlink.kind === 'ack' && downlink.ref === uplink.msgId && downlink.state === 'received',
              ACK_WAIT_MS,
            )
            .then(() => (press.receivedAt = performance.now())),
        () => undefined,
      )
      .catch(() => undefined);
  }

  /** Waits until every press is acknowledged, or `limitMs`. */
  async settle(limitMs: number): Promise<void> {
    const deadline = Date.now() + limitMs;
    while (this.lost() > 0 && Date.now() < deadline) await sleep(100);
  }

  latencies(): number[] {
    return this.presses.flatMap((press) => (press.receivedAt ? [press.receivedAt - press.pressedAt] : []));
  }

  lost(): number {
    return this.presses.filter((press) => press.receivedAt === undefined).length;
  }
}

function figureOrNote(sheet: FigureSheet, name: string, at: number | undefined, since: number, missing: string): void {
  if (at === undefined) sheet.note(`${name}: not reached (${missing})`);
  else sheet.add(name, (at - since) / 1000, 's', 'broker_restart_s');
}

/** Devices the gateway has seen online since `since`. */
function onlineSince(stack: BenchStack, since: Date): Promise<number> {
  return stack.dataSource
    .query('SELECT count(*)::int AS n FROM devices WHERE online AND last_seen_at >= $1', [since])
    .then(([{ n }]: { n: number }[]) => n);
}

function meterReadings(stack: BenchStack): Promise<number> {
  return stack.dataSource
    .query(`SELECT count(*)::int AS n FROM device_messages WHERE device_id LIKE 'wm-storm-%'`)
    .then(([{ n }]: { n: number }[]) => n);
}

async function waitFor(condition: () => Promise<boolean>, limitMs: number): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not done within ${limitMs / 1000} s`);
    await sleep(250);
  }
}
