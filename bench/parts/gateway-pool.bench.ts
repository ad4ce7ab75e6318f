/**
 * gateway-pool: messages per second through the gateway process alone (stored in Postgres and queued in Redis): 200
 * water meters publish from a process of their own at more than the gateway takes, through the project's Mosquitto,
 * and the rows stored in a fixed window are counted. Once with a single broker connection (every message waits for
 * its own commit: the baseline), once with the default pool, so the ratio is measured in the same run. Rows per
 * batch do not depend on the machine's load; the rates do.
 */
import { loadConfig } from '@eldercare/config';
import { findFreePort } from '@eldercare/testing';
import { BenchStack, sleep } from '../harness/bench-stack';
import { ReadingGenerator } from '../harness/reading-generator';
import { runPart } from '../harness/run-part';

const METERS = 200;
const WARM_UP_MS = 3_000;
const WINDOW_MS = 15_000;
/** Offered to each run: well above what it stores, yet bounded so the broker's queue for the gateway never fills. */
const OFFERED = { single: 1_000, pool: 10_000 };

runPart('gateway-pool', async (context) => {
  const { sheet } = context;
  const stack = await BenchStack.start(context);
  const devices = await stack.registerDevices('water_meter', 'wm-pool', Array<null>(METERS).fill(null));
  const generator = await ReadingGenerator.start(stack.broker.url, devices);
  context.onCleanup(() => generator.close());
  const pool = loadConfig().GATEWAY_CONNECTIONS;
  console.log(`  ${METERS} meters, ${WINDOW_MS / 1000} s counted after ${WARM_UP_MS / 1000} s`);

  const run = async (connections: number, offered: number) => {
    const metricsPort = await findFreePort();
    // One gateway id for both runs: the second resumes the first's persistent session and drains what it left.
    const gateway = await stack.startGateway('bench-pool', {
      GATEWAY_CONNECTIONS: String(connections),
      METRICS_PORT: String(metricsPort),
      METRICS_OPEN: 'true',
    });
    generator.setRate(offered);
    await sleep(WARM_UP_MS);
    const first = await sample(stack, metricsPort);
    await sleep(WINDOW_MS);
    const last = await sample(stack, metricsPort);
    generator.setRate(0);
    await gateway.kill();
    const seconds = (last.at - first.at) / 1000;
    return { perSecond: (last.stored - first.stored) / seconds, rowsPerBatch: last.rowsPerBatch };
  };

  const single = await run(1, OFFERED.single);
  sheet.add('single_connection_msgs_per_s', single.perSecond, 'msg/s');
  sheet.add('single_connection_rows_per_batch', single.rowsPerBatch, 'rows');
  const pooled = await run(pool, OFFERED.pool);
  sheet.add(`pool_${pool}_connections_msgs_per_s`, pooled.perSecond, 'msg/s', 'single_connection_msgs_per_s');
  sheet.add(`pool_${pool}_connections_rows_per_batch`, pooled.rowsPerBatch, 'rows', 'single_connection_rows_per_batch');
});

async function sample(stack: BenchStack, metricsPort: number) {
  const [stored, metrics] = await Promise.all([
    stack.storedCount(),
    fetch(`http://127.0.0.1:${metricsPort}/metrics`).then((response) => response.text()),
  ]);
  const metric = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(metrics)?.[1] ?? Number.NaN);
  return {
    at: performance.now(),
    stored,
    rowsPerBatch: metric('eldercare_ingest_batch_size_sum') / metric('eldercare_ingest_batch_size_count'),
  };
}
