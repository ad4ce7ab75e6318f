/**
 * Thousands of water meters in a process of their own, each on its own connection with a persistent session as
 * firmware is (SimulatedDevice), so that holding them does not weigh on the measuring process. Driven by its parent
 * over IPC (see DeviceFleet).
 */
import { SimulatedDevice } from '@eldercare/devices';
import type { FleetCommand, FleetReport } from './device-fleet';

const CONNECTING_AT_ONCE = 200;
const REPORT_MS = 250;

const meters: SimulatedDevice[] = [];
const counts = { acked: 0, failed: 0 };
let liters = 1000;

function send(message: FleetReport): void {
  process.send?.(message);
}

function report(): void {
  let connected = 0;
  for (const meter of meters) if (meter.connected) connected++;
  send({ kind: 'progress', connected, ...counts });
}

process.on('message', async (command: FleetCommand) => {
  if (command.kind === 'connect') {
    let failed = 0;
    for (let start = 0; start < command.devices.length; start += CONNECTING_AT_ONCE) {
      const batch = command.devices.slice(start, start + CONNECTING_AT_ONCE);
      const results = await Promise.allSettled(
        batch.map(({ deviceId, secret }) =>
          SimulatedDevice.connect({
            url: command.url,
            deviceId,
            secret,
            type: 'water_meter',
            reconnectPeriodMs: command.reconnectPeriodMs,
            connectTimeoutMs: 30_000,
          }),
        ),
      );
      for (const result of results)
        if (result.status === 'fulfilled') meters.push(result.value);
        else failed++;
    }
    setInterval(report, REPORT_MS);
    send({ kind: 'connected', count: meters.length, failed });
  } else if (command.kind === 'send') {
    // Offline, mqtt.js keeps QoS 1 publishes and sends them once it is connected again, as firmware keeps readings.
    liters++;
    for (const meter of meters)
      for (let reading = 0; reading < command.readingsPerDevice; reading++)
        meter.send({ kind: 'water', totalLiters: liters + reading, flowLpm: 0 }).then(
          () => counts.acked++,
          () => counts.failed++,
        );
  } else if (command.kind === 'close') {
    await Promise.all(meters.map((meter) => meter.kill()));
    process.exit(0);
  }
});
