/**
 * ingest: the highest rate of water readings the platform sustains for 60 s, broker → gateway → Postgres → worker
 * with the queue to the worker flat, the three processes on their own; against a bare mqtt.js subscriber taking
 * the same meters' stream from the same broker.
 *
 * Short steps search the rate (doubling until one fails, then bisecting between the last that held and the first that
 * failed); the best is then held for 60 s, and stepped down if it does not hold and time is left. The search stops
 * early enough for the hold to fit within the part's time limit.
 */
import { deviceTopic } from '@eldercare/protocol';
import { connectAsync } from 'mqtt';
import { BenchStack, sleep } from '../harness/bench-stack';
import { ReadingGenerator } from '../harness/reading-generator';
import { runPart } from '../harness/run-part';
import { describe, drain, measureAt, sustains, type Throughput } from '../harness/throughput';

const METERS = 1_000;
const FIRST_RATE = 250;
/** Search steps: short, since a failing one only has to show the queue growing. */
const SEARCH = { warmUpMs: 1_000, windowMs: 3_000 };
const SEARCH_DRAIN_LIMIT_MS = 8_000;
/** The most a search step takes: publishing, and draining what it left. */
const STEP_MS = SEARCH.warmUpMs + SEARCH.windowMs + SEARCH_DRAIN_LIMIT_MS + 1_000;
/** Bisection steps between the last rate that held and the first that failed. */
const BISECTIONS = 2;
const CONFIRM = { warmUpMs: 2_000, windowMs: 60_000 };
const DRAIN_LIMIT_MS = 10_000;
/** Time the 60 s hold needs, with its warm-up, its drain, the figures and the clean-up. */
const HOLD_RESERVE_MS = CONFIRM.warmUpMs + CONFIRM.windowMs + DRAIN_LIMIT_MS + 15_000;
/** The bare subscriber gets the generator's full speed for this long. */
const BASELINE_MS = 8_000;

runPart('ingest', async (context) => {
  const { sheet } = context;
  const stack = await BenchStack.start(context);
  const { elderIds } = await stack.createElders(METERS);
  const meters = await stack.registerDevices('water_meter', 'wm-ingest', elderIds);
  const generator = await ReadingGenerator.start(stack.broker.url, meters);
  context.onCleanup(() => generator.close());
  console.log(`  ${METERS} water meters of ${METERS} elders connected`);

  // Baseline: a bare subscriber on the gateway's account, QoS 1, the generator at full speed.
  const subscriber = await connectAsync(stack.broker.url, {
    ...stack.broker.service,
    clientId: 'bench-bare-subscriber',
    clean: true,
  });
  let received = 0;
  subscriber.on('message', () => received++);
  await subscriber.subscribeAsync(deviceTopic('+', 'up'), { qos: 1 });
  generator.setRate(1_000_000);
  await sleep(2_000);
  const [from, startedAt] = [received, performance.now()];
  await sleep(BASELINE_MS);
  const baseline = ((received - from) * 1000) / (performance.now() - startedAt);
  generator.setRate(0);
  await sleep(2_000);
  await subscriber.endAsync();
  console.log(`  bare subscriber: ${Math.round(baseline)} msg/s`);

  await stack.startGateway('bench-ingest');
  await stack.startWorker();
  // Warm-up: the gateway takes every meter's retained status first, and the worker applies them.
  generator.setRate(FIRST_RATE);
  await sleep(2_000);
  await drain(stack, generator, 30_000);
  let passed: { rate: number; rates: Throughput } | undefined;
  let failedAt: number | undefined;
  const timeForStep = () => context.remainingMs() > HOLD_RESERVE_MS + STEP_MS;
  const step = async (rate: number) => {
    const rates = await measureAt(stack, generator, rate, SEARCH);
    const ok = sustains(rate, rates);
    console.log(`  ${ok ? 'holds ' : 'fails '} ${describe(rate, rates)}`);
    await drain(stack, generator, SEARCH_DRAIN_LIMIT_MS);
    return ok ? rates : undefined;
  };
  for (let rate = FIRST_RATE; failedAt === undefined && timeForStep(); rate *= 2) {
    const rates = await step(rate);
    if (rates) passed = { rate, rates };
    else failedAt = rate;
  }
  for (let bisection = 0; bisection < BISECTIONS && passed && failedAt && timeForStep(); bisection++) {
    const rate = Math.round((passed.rate + failedAt) / 2);
    const rates = await step(rate);
    if (rates) passed = { rate, rates };
    else failedAt = rate;
  }
  for (let rate = Math.round(FIRST_RATE / 2); !passed && rate >= 25 && timeForStep(); rate = Math.round(rate / 2)) {
    const rates = await step(rate);
    if (rates) passed = { rate, rates };
  }
  if (!passed) {
    sheet.note('not even 25 msg/s was sustained');
    return;
  }

  let confirmed: { rate: number; rates: Throughput } | undefined;
  for (let rate = passed.rate; !confirmed; rate = Math.round(rate * 0.85)) {
    if (context.remainingMs() < HOLD_RESERVE_MS) {
      sheet.note(`no time left to hold ${rate} msg/s for 60 s`);
      break;
    }
    const rates = await measureAt(stack, generator, rate, CONFIRM);
    const ok = sustains(rate, rates);
    console.log(`  60 s: ${ok ? 'holds' : 'fails'} ${describe(rate, rates)}`);
    await drain(stack, generator, DRAIN_LIMIT_MS);
    if (ok) confirmed = { rate, rates };
    else passed = { rate, rates };
  }
  const best = confirmed ?? passed;
  if (!confirmed) sheet.note('no 60 s hold sustained its rate; the figures are of the last attempt (or the search)');
  sheet.add('baseline_msgs_per_s', baseline, 'msg/s');
  sheet.add('ingest_msgs_per_s', best.rates.stored, 'msg/s', 'baseline_msgs_per_s');
  sheet.add('worker_events_per_s', best.rates.applied, 'events/s', 'ingest_msgs_per_s');
  sheet.add('ingest_ratio', best.rates.stored / baseline, 'ratio');
  sheet.add('backlog_growth_per_s', best.rates.backlogGrowth, 'readings/s');
  sheet.note(`first failing rate in the search: ${failedAt} msg/s offered`);
});
