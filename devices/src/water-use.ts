import type { DailyRoutine } from './daily-routine';
import { MINUTE_MS } from './local-time';
import { SeededRandom } from './seeded-random';

/** Water running at a steady rate for a while: a tap, a shower, a cistern refilling. */
export interface WaterUseEpisode {
  startMs: number;
  endMs: number;
  flowLpm: number;
}

/** The meter's flow changes to `flowLpm` at `atMs`. */
export interface FlowChange {
  atMs: number;
  flowLpm: number;
}

/**
 * Where the water of one day goes, from the elder's routine: washing in the morning and evening,
 * cooking before and dishes after each meal, a cistern refill after each toilet visit. About 150
 * litres a day, typical of one elder living alone. Pure, like the routine.
 */
export function planWaterUse(routine: DailyRoutine, seed: string): WaterUseEpisode[] {
  const random = SeededRandom.from(seed, 'water-use', routine.dayStartMs);
  const episodes: WaterUseEpisode[] = [];
  const run = (startMs: number, minutes: number, flowLpm: number) =>
    episodes.push({
      startMs: Math.round(startMs),
      endMs: Math.round(startMs + minutes * MINUTE_MS),
      flowLpm: Math.round(flowLpm * 10) / 10,
    });

  run(
    routine.morningWash.startMs,
    (routine.morningWash.endMs - routine.morningWash.startMs) / MINUTE_MS,
    random.between(2.5, 4),
  );
  // Water runs for part of a shower only: soaping up is done with the tap off.
  const washMinutes = (routine.eveningWash.endMs - routine.eveningWash.startMs) / MINUTE_MS;
  run(
    routine.eveningWash.startMs,
    routine.eveningWash.shower ? washMinutes * 0.6 : washMinutes,
    routine.eveningWash.shower ? random.between(5.5, 7) : random.between(2.5, 3.5),
  );

  for (const [meal, table] of Object.entries(routine.meals)) {
    const small = meal === 'breakfast';
    run(
      table.startMs - random.between(10, 20) * MINUTE_MS,
      small ? random.between(1.5, 3) : random.between(2, 4),
      random.between(3, 4.5),
    );
    run(
      table.endMs + random.between(2, 10) * MINUTE_MS,
      small ? random.between(1.5, 3) : random.between(2.5, 5),
      random.between(2.5, 3.5),
    );
  }

  for (const visitMs of routine.toiletVisitsMs) {
    const litres = random.between(5, 7);
    const flowLpm = random.between(6, 9);
    run(visitMs + random.between(1, 3) * MINUTE_MS, litres / flowLpm, flowLpm);
  }
  return episodes.sort((a, b) => a.startMs - b.startMs);
}

/**
 * The meter's flow as steps in time: overlapping episodes add up (the kettle filling while the
 * cistern refills). Only real changes are listed, in time order.
 */
export function flowChanges(episodes: readonly WaterUseEpisode[]): FlowChange[] {
  const edges = episodes.flatMap((episode) => [
    { atMs: episode.startMs, deltaLpm: episode.flowLpm },
    { atMs: episode.endMs, deltaLpm: -episode.flowLpm },
  ]);
  edges.sort((a, b) => a.atMs - b.atMs);
  const changes: FlowChange[] = [];
  let flowLpm = 0;
  for (let i = 0; i < edges.length; i++) {
    flowLpm += edges[i].deltaLpm;
    if (i + 1 < edges.length && edges[i + 1].atMs === edges[i].atMs) continue;
    // Every flow is in tenths, but summing them in floating point leaves dust such as 1e-15.
    flowLpm = Math.max(0, Math.round(flowLpm * 10) / 10);
    if (flowLpm !== (changes.at(-1)?.flowLpm ?? 0)) changes.push({ atMs: edges[i].atMs, flowLpm });
  }
  return changes;
}
