import { sleep, type BenchStack } from './bench-stack';
import type { ReadingGenerator } from './reading-generator';

/** Rates over one measuring window, per second. */
export interface Throughput {
  offered: number;
  /** Readings the broker acknowledged to the meters. */
  acked: number;
  /** Readings the gateway stored. */
  stored: number;
  /** Readings the worker applied: stored minus what it has still to apply. */
  applied: number;
  /** How fast the readings still to apply grew; about 0 when the worker keeps up. */
  backlogGrowth: number;
  /** How fast what the broker took and the gateway has not stored grew; about 0 when the gateway keeps up. */
  unstoredGrowth: number;
  /** Readings the generator could not send (too many unacknowledged): the broker did not take the rate. */
  behind: number;
}

interface Sample {
  at: number;
  acked: number;
  offered: number;
  behind: number;
  stored: number;
  backlog: number;
}

async function sample(stack: BenchStack, generator: ReadingGenerator): Promise<Sample> {
  const [stored, backlog] = await Promise.all([stack.storedCount(), stack.backlog()]);
  const { acked, offered, behind } = generator.counts;
  return { at: performance.now(), acked, offered, behind, stored, backlog };
}

/** Rates between two samples. */
function between(first: Sample, last: Sample): Throughput {
  const seconds = (last.at - first.at) / 1000;
  const perSecond = (value: number) => value / seconds;
  return {
    offered: perSecond(last.offered - first.offered),
    acked: perSecond(last.acked - first.acked),
    stored: perSecond(last.stored - first.stored),
    applied: perSecond(last.stored - last.backlog - (first.stored - first.backlog)),
    backlogGrowth: perSecond(last.backlog - first.backlog),
    unstoredGrowth: perSecond(last.acked - last.stored - (first.acked - first.stored)),
    behind: perSecond(last.behind - first.behind),
  };
}

/** Publishes at `perSecond`, lets the pipeline settle for `warmUpMs`, then measures for `windowMs`; keeps publishing. */
export async function measureAt(
  stack: BenchStack,
  generator: ReadingGenerator,
  perSecond: number,
  { warmUpMs, windowMs }: { warmUpMs: number; windowMs: number },
): Promise<Throughput> {
  generator.setRate(perSecond);
  await sleep(warmUpMs);
  const first = await sample(stack, generator);
  await sleep(windowMs);
  return between(first, await sample(stack, generator));
}

/**
 * Sustained: the broker took the rate, and both what the gateway has still to store and what the worker has still to
 * apply stayed about flat (growing by at most 5 % of the rate). Judged by those levels rather than by the stored rate,
 * which in a window of a few seconds swings by more than 5 % with where the gateway's batches fall.
 */
export function sustains(perSecond: number, rates: Throughput): boolean {
  return (
    rates.behind === 0 &&
    rates.acked >= 0.95 * perSecond &&
    rates.unstoredGrowth <= 0.05 * perSecond &&
    rates.backlogGrowth <= 0.05 * perSecond
  );
}

/** Stops the load and waits (at most `limitMs`) until everything acknowledged is stored and applied. */
export async function drain(stack: BenchStack, generator: ReadingGenerator, limitMs: number): Promise<boolean> {
  generator.setRate(0);
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    await sleep(250);
    const { acked } = generator.counts;
    if ((await stack.storedCount()) >= acked && (await stack.backlog()) === 0) return true;
  }
  return false;
}

export function describe(perSecond: number, rates: Throughput): string {
  const round = (value: number) => Math.round(value).toLocaleString('en');
  return (
    `offered ${round(perSecond)}/s: broker took ${round(rates.acked)}/s, stored ${round(rates.stored)}/s, ` +
    `applied ${round(rates.applied)}/s, backlog ${rates.backlogGrowth >= 0 ? '+' : ''}${round(rates.backlogGrowth)}/s` +
    (rates.behind > 0 ? `, generator behind by ${round(rates.behind)}/s` : '')
  );
}
