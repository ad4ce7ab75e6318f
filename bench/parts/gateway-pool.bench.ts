/**
 * gateway-pool: messages per second through the gateway process alone (stored in Postgres and queued in Redis): 200
 * water meters each publish their readings as fast as the broker takes them, through the project's Mosquitto, and
 * the gateway stores what the broker holds for it. Once with a single broker connection (every message waits for
 * its own commit: the baseline), once with the default pool, so the ratio is measured in the same run.
 *
 * Each run has a stack of its own (database, broker): a stopped gateway's persistent sessions would otherwise keep a
 * share of the next run's stream. Each rate is what was stored within a window of at most STORE_WINDOW_MS: a single
 * connection stores about a hundred messages a second on a loaded machine, so it does not get through all of them.
 */
import { loadConfig } from '@eldercare/config';
import { SimulatedDevice } from '@eldercare/devices';
import { BenchStack, freePort, sleep, type BenchDevice } from '../harness/bench-stack';
import type { PartContext } from '../harness/run-part';
import { runPart } from '../harness/run-part';

const METERS = 200;
const READINGS_PER_METER = 100;
const STORE_WINDOW_MS = 20_000;

runPart('gateway-pool', async (context) => {
  const { sheet } = context;
  const pool = loadConfig().GATEWAY_CONNECTIONS;
  console.log(`  ${METERS} meters x ${READINGS_PER_METER} readings, stored and queued`);

  const single = await run(context, 1);
  sheet.add('single_connection_msgs_per_s', single.perSecond, 'msg/s');
  sheet.add('single_connection_rows_per_batch', single.rowsPerBatch, 'rows');
  const pooled = await run(context, pool);
  sheet.add(`pool_${pool}_connections_msgs_per_s`, pooled.perSecond, 'msg/s', 'single_connection_msgs_per_s');
  sheet.add(`pool_${pool}_connections_rows_per_batch`, pooled.rowsPerBatch, 'rows', 'single_connection_rows_per_batch');
});

async function run(context: PartContext, connections: number): Promise<{ perSecond: number; rowsPerBatch: number }> {
  const stack = await BenchStack.start(context);
  const devices = await stack.registerDevices('water_meter', `wm-pool-${connections}`, Array<null>(METERS).fill(null));
  const meters = await connect(stack, devices);
  const metricsPort = await freePort();
  const gateway = await stack.startGateway(`bench-pool-${connections}`, {
    GATEWAY_CONNECTIONS: String(connections),
    METRICS_PORT: String(metricsPort),
    METRICS_OPEN: 'true',
  });
  const before = await stack.storedCount();
  const total = METERS * READINGS_PER_METER;
  const started = performance.now();
  const publishing = Promise.all(
    meters.map(async (meter) => {
      for (let reading = 0; reading < READINGS_PER_METER; reading++)
        await meter.send({ kind: 'water', totalLiters: 1000 + reading, flowLpm: 0 });
    }),
  );
  const deadline = started + STORE_WINDOW_MS;
  while ((await stack.storedCount()) - before < total && performance.now() < deadline) await sleep(20);
  const stored = (await stack.storedCount()) - before;
  const seconds = (performance.now() - started) / 1000;
  if (stored < total)
    context.sheet.note(
      `${connections} connection(s): ${stored} of ${total} stored within the ${STORE_WINDOW_MS / 1000} s window; the rate is over the window`,
    );
  const metrics = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
  const metric = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(metrics)?.[1] ?? Number.NaN);
  await gateway.kill();
  await publishing;
  await Promise.all(meters.map((meter) => meter.kill()));
  return {
    perSecond: stored / seconds,
    rowsPerBatch: metric('eldercare_ingest_batch_size_sum') / metric('eldercare_ingest_batch_size_count'),
  };
}

function connect(stack: BenchStack, devices: BenchDevice[]): Promise<SimulatedDevice[]> {
  return Promise.all(
    devices.map(({ deviceId, secret }) =>
      SimulatedDevice.connect({ url: stack.broker.url, deviceId, type: 'water_meter', secret }),
    ),
  );
}
