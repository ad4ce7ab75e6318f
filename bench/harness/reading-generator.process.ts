/**
 * The load of the benches, in a process of its own so that publishing does not steal the measuring process's event
 * loop: water meters, each on its own connection as firmware is, publishing QoS 1 readings at the rate it is told,
 * round robin. Driven by its parent over IPC (see ReadingGenerator).
 */
import { SimulatedDevice } from '@eldercare/devices';
import type { GeneratorCommand, GeneratorCounts, GeneratorReport } from './reading-generator';

/** Unacknowledged readings the generator allows itself; past this it is behind, and says so. */
const MAX_IN_FLIGHT = 4_000;
const TICK_MS = 10;
/**
 * Often enough that the ingest part's 2.5 s search windows compare its counts with the database's within 2 %: a
 * count a quarter of a second old made a step at 250 msg/s look 6 % behind.
 */
const REPORT_MS = 50;
const CONNECTING_AT_ONCE = 50;

const meters: SimulatedDevice[] = [];
const liters: number[] = [];
let perSecond = 0;
let credit = 0;
let next = 0;
const counts: GeneratorCounts = { offered: 0, acked: 0, failed: 0, behind: 0 };

function send(message: GeneratorReport): void {
  process.send?.(message);
}

function tick(elapsedMs: number): void {
  credit += (perSecond * elapsedMs) / 1000;
  while (credit >= 1) {
    credit--;
    if (counts.offered - counts.acked - counts.failed >= MAX_IN_FLIGHT) {
      counts.behind++;
      continue;
    }
    const index = next++ % meters.length;
    liters[index] += 1;
    counts.offered++;
    meters[index].send({ kind: 'water', totalLiters: liters[index], flowLpm: 0 }).then(
      () => counts.acked++,
      () => counts.failed++,
    );
  }
}

process.on('message', async (command: GeneratorCommand) => {
  if (command.kind === 'connect') {
    for (let start = 0; start < command.devices.length; start += CONNECTING_AT_ONCE) {
      const connected = await Promise.all(
        command.devices.slice(start, start + CONNECTING_AT_ONCE).map(({ deviceId, secret }) =>
          SimulatedDevice.connect({
            url: command.url,
            deviceId,
            secret,
            type: 'water_meter',
            reconnectPeriodMs: 1000,
          }),
        ),
      );
      meters.push(...connected);
      liters.push(...connected.map(() => 1000));
    }
    let last = performance.now();
    setInterval(() => {
      const now = performance.now();
      tick(now - last);
      last = now;
    }, TICK_MS);
    setInterval(() => send({ kind: 'progress', ...counts }), REPORT_MS);
    send({ kind: 'connected' });
  } else if (command.kind === 'rate') {
    perSecond = command.perSecond;
    credit = 0;
  } else if (command.kind === 'close') {
    perSecond = 0;
    await Promise.all(meters.map((meter) => meter.kill()));
    process.exit(0);
  }
});
