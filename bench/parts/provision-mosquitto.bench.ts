/*
 * provision-mosquitto: how fast can the platform provision device accounts on Mosquitto's dynamic-security plugin, and
 * what does it cost the device traffic meanwhile? Starts its own Mosquitto from
 * docker/mosquitto/mosquitto.conf (never the machine's broker).
 *
 * 1. The same 500 new devices on a fresh broker, with 1, 10 and 500 commands per $CONTROL message.
 * 2. Up to 10,000 devices, provisioned 500 per call, 500 commands per message, for as long as the part's time
 *    limit leaves (each message gets slower as the file grows: about 40 s at 10,000 devices).
 * Throughout, a probe device sends an uplink every 20 ms and the service account measures how late
 * each one arrives: the longest delay is how long the broker stopped serving devices. Both reconnect
 * like the platform's clients do; a pause longer than mqtt.js's ping timeout (about 30 s with the
 * default keepalive of 60 s) drops the service account's connection, and the bench counts that.
 * It stops by itself before the part's time limit and reports what it has done so far.
 */
import { stat } from 'node:fs/promises';
import { MosquittoDynsecProvisioner } from '@eldercare/broker';
import { generateDeviceSecret } from '@eldercare/secrets';
import { deviceTopic } from '@eldercare/protocol';
import { type TestMosquitto, startTestMosquitto } from '@eldercare/testing';
import { type MqttClient, connectAsync } from 'mqtt';
import type { FigureSheet } from '../harness/figures';
import { runPart } from '../harness/run-part';

const TOTAL_DEVICES = 10_000;
const COMPARED_DEVICES = 500;
const COMPARED_CHUNK_SIZES = [1, 10, 500];
const DEVICES_PER_CALL = 500;
const REPORT_EVERY = 1_000;
/** Stop adding devices this long before the part's time limit, to report and clean up. */
const RESERVE_MS = 40_000;
const SCALE_CHUNK_SIZE = 500;
/** A message of 500 commands takes about 40 s once the file holds 10,000 devices. */
const RESPONSE_TIMEOUT_MS = 5 * 60_000;
const PROBE_INTERVAL_MS = 20;
const DRAIN_LIMIT_MS = 2 * 60_000;

interface Broker {
  mosquitto: TestMosquitto;
  admin: MqttClient;
  probe: UplinkProbe;
}

runPart('provision-mosquitto', ({ sheet, remainingMs }) => provisioning(sheet, () => remainingMs() - RESERVE_MS));

async function provisioning(sheet: FigureSheet, timeLeftMs: () => number): Promise<void> {
  const scaleChunkSize = SCALE_CHUNK_SIZE;

  console.log(`1. ${COMPARED_DEVICES} new devices on a fresh broker`);
  console.log('   commands/message  seconds  devices/s  longest uplink delay  service disconnects');
  const seconds = new Map<number, number>();
  for (const chunkSize of COMPARED_CHUNK_SIZES) {
    await withBroker(async ({ admin, probe }) => {
      const started = performance.now();
      await provisioner(admin, chunkSize).provisionDevices(newDevices(`c${chunkSize}`, COMPARED_DEVICES));
      const elapsed = performance.now() - started;
      seconds.set(chunkSize, elapsed / 1000);
      console.log(
        `   ${pad(chunkSize, 16)}  ${pad((elapsed / 1000).toFixed(2), 7)}  ${pad(rate(COMPARED_DEVICES, elapsed), 9)}  ${await probe.report()}`,
      );
    });
  }
  const first = COMPARED_CHUNK_SIZES[0];
  sheet.add(`devices_per_s_${first}_per_message`, COMPARED_DEVICES / seconds.get(first)!, 'devices/s');
  for (const chunkSize of COMPARED_CHUNK_SIZES.slice(1))
    sheet.add(
      `devices_per_s_${chunkSize}_per_message`,
      COMPARED_DEVICES / seconds.get(chunkSize)!,
      'devices/s',
      `devices_per_s_${first}_per_message`,
    );

  console.log(
    `\n2. ${TOTAL_DEVICES} devices, ${scaleChunkSize} commands per message, ${DEVICES_PER_CALL} devices per call`,
  );
  console.log('   devices  devices/s (last 1000)  dynsec file  longest uplink delay  service disconnects');
  await withBroker(async (broker) => {
    const sut = provisioner(broker.admin, scaleChunkSize);
    const devices = newDevices('fleet', TOTAL_DEVICES);
    const started = performance.now();
    let reported = started;
    let done = 0;
    while (done < devices.length && timeLeftMs() > 0) {
      await sut.provisionDevices(devices.slice(done, done + DEVICES_PER_CALL));
      done += DEVICES_PER_CALL;
      if (done % REPORT_EVERY === 0) {
        const now = performance.now();
        console.log(
          `   ${pad(done, 7)}  ${pad(rate(REPORT_EVERY, now - reported), 21)}  ${pad(await fileSize(broker), 11)}  ${await broker.probe.report()}`,
        );
        reported = now;
      }
    }
    const elapsed = performance.now() - started;
    if (done < devices.length) console.log(`   stopped at the time limit after ${done} devices`);
    console.log(
      `   total: ${done} devices in ${(elapsed / 1000).toFixed(1)} s, ${rate(done, elapsed)} devices/s, ${scaleChunkSize} commands per message`,
    );
    console.log(`   dynamic-security file: ${await fileSize(broker)}`);
    sheet.add('fleet_devices_provisioned', done, 'devices');
    sheet.add('fleet_devices_per_s', (done * 1000) / elapsed, 'devices/s');
    if (done < devices.length)
      sheet.note(`the fleet stopped at ${done} of ${TOTAL_DEVICES} devices, at the time limit`);
  });
}

/**
 * A device that publishes its clock every PROBE_INTERVAL_MS, and the service account that receives
 * it. Mosquitto handles a $CONTROL message before any other packet, so a late uplink measures the pause.
 */
class UplinkProbe {
  private worst = 0;
  private latest = Number.POSITIVE_INFINITY;
  private disconnects = 0;
  private readonly timer: NodeJS.Timeout;

  private constructor(
    private readonly device: MqttClient,
    private readonly service: MqttClient,
  ) {
    service.on('message', (_topic, payload) => {
      this.latest = Date.now() - Number(payload.toString());
      this.worst = Math.max(this.worst, this.latest);
    });
    service.on('offline', () => this.disconnects++);
    this.timer = setInterval(
      () => device.publish(deviceTopic('probe', 'up'), String(Date.now()), { qos: 1 }),
      PROBE_INTERVAL_MS,
    );
  }

  static async start(mosquitto: TestMosquitto, admin: MqttClient): Promise<UplinkProbe> {
    const account = { username: 'eldercare-gateway', password: generateDeviceSecret() };
    const secret = generateDeviceSecret();
    await provisioner(admin, 10).ensureServiceAccount(account.username, account.password);
    await provisioner(admin, 10).provisionDevices([{ deviceId: 'probe', secret }]);
    const service = await connectAsync(mosquitto.url, { ...account, clientId: 'probe-service', clean: false });
    await service.subscribeAsync(deviceTopic('probe', 'up'), { qos: 1 });
    const device = await connectAsync(mosquitto.url, { clientId: 'probe', username: 'probe', password: secret });
    return new UplinkProbe(device, service);
  }

  /**
   * The worst delay and the disconnects since the last report. Waits (at most DRAIN_LIMIT_MS) for an
   * uplink on time first: a pause's backlog arrives after the $CONTROL answer that ended it.
   */
  async report(): Promise<string> {
    const drainDeadline = Date.now() + DRAIN_LIMIT_MS;
    this.latest = Number.POSITIVE_INFINITY;
    while (this.latest > 2 * PROBE_INTERVAL_MS && Date.now() < drainDeadline) {
      await new Promise((resolve) => setTimeout(resolve, PROBE_INTERVAL_MS));
    }
    const report = `${pad(`${this.worst} ms`, 20)}  ${pad(this.disconnects, 19)}`;
    this.worst = 0;
    this.disconnects = 0;
    return report;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await Promise.all([this.device.endAsync(true), this.service.endAsync(true)]);
  }
}

async function withBroker(run: (broker: Broker) => Promise<void>): Promise<void> {
  const mosquitto = await startTestMosquitto();
  try {
    const admin = await connectAsync(mosquitto.url, { ...mosquitto.admin, protocolVersion: 5, reconnectPeriod: 0 });
    const probe = await UplinkProbe.start(mosquitto, admin);
    await probe.report();
    try {
      await run({ mosquitto, admin, probe });
    } finally {
      await probe.stop();
      await admin.endAsync(true);
    }
  } finally {
    await mosquitto.stop();
  }
}

function provisioner(admin: MqttClient, chunkSize: number): MosquittoDynsecProvisioner {
  return new MosquittoDynsecProvisioner(admin, { chunkSize, responseTimeoutMs: RESPONSE_TIMEOUT_MS });
}

function newDevices(prefix: string, count: number): { deviceId: string; secret: string }[] {
  return Array.from({ length: count }, (_, index) => ({
    deviceId: `${prefix}-${String(index).padStart(5, '0')}`,
    secret: generateDeviceSecret(),
  }));
}

async function fileSize({ mosquitto }: Broker): Promise<string> {
  return `${((await stat(mosquitto.dynsecFile)).size / 1024 / 1024).toFixed(2)} MiB`;
}

function rate(count: number, ms: number): string {
  return ((count * 1000) / ms).toFixed(0);
}

function pad(value: string | number, width: number): string {
  return String(value).padStart(width);
}
