/**
 * scale: 1 gateway + 1 worker against 2 gateways + 2 workers (their own processes, sharing the broker's
 * subscription and the queue) under the same offered load, above what one pair sustains: the ratio of what each
 * setup stores and applies. On one 2-core machine the second pair competes for the same cores as the first, so the
 * ratio shows what the processes leave on the table (serialisation, round trips), not what more machines would add.
 */
import { BenchStack, sleep } from '../harness/bench-stack';
import { ReadingGenerator } from '../harness/reading-generator';
import { lastFigure } from '../harness/results';
import { runPart } from '../harness/run-part';
import { describe, drain, measureAt } from '../harness/throughput';

const METERS = 1_000;
const WINDOW = { warmUpMs: 5_000, windowMs: 15_000 };
const DRAIN_LIMIT_MS = 20_000;
const DEFAULT_INGEST_RATE = 500;

runPart('scale', async (context) => {
  const { sheet } = context;
  const sustained = Number(process.env.BENCH_INGEST_MSGS_PER_S) || lastFigure('ingest', 'ingest_msgs_per_s');
  if (sustained === undefined)
    sheet.note(`no ingest figure measured yet: load relative to ${DEFAULT_INGEST_RATE} msg/s`);
  const offered = Math.round(2 * (sustained ?? DEFAULT_INGEST_RATE));
  console.log(`  offered load: ${offered} msg/s (twice the best sustained ingest)`);

  const stack = await BenchStack.start(context);
  const { elderIds } = await stack.createElders(METERS);
  const meters = await stack.registerDevices('water_meter', 'wm-scale', elderIds);
  const generator = await ReadingGenerator.start(stack.broker.url, meters);
  context.onCleanup(() => generator.close());

  const measure = async (pairs: number) => {
    // The same gateway ids each time: a stopped gateway's session would otherwise keep its share of the stream.
    for (let pair = 1; pair <= pairs; pair++) {
      await stack.startGateway(`bench-scale-${pair}`);
      await stack.startWorker();
    }
    const rates = await measureAt(stack, generator, offered, WINDOW);
    console.log(`  ${pairs} + ${pairs}: ${describe(offered, rates)}`);
    if (!(await drain(stack, generator, DRAIN_LIMIT_MS)))
      sheet.note(`${pairs} + ${pairs}: the backlog had not drained ${DRAIN_LIMIT_MS / 1000} s after the load stopped`);
    await stack.stopProcesses();
    await sleep(1_000);
    return rates;
  };
  const one = await measure(1);
  sheet.add('one_pair_stored_per_s', one.stored, 'msg/s');
  sheet.add('one_pair_applied_per_s', one.applied, 'events/s');
  const two = await measure(2);
  sheet.add('two_pairs_stored_per_s', two.stored, 'msg/s', 'one_pair_stored_per_s');
  sheet.add('two_pairs_applied_per_s', two.applied, 'events/s', 'one_pair_applied_per_s');
});
