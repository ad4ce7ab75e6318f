import { MINUTE_MS } from '../local-time';
import type { SeededRandom } from '../seeded-random';
import type { TimelineBuilder } from './scenario';

/** Adds a bed mat's minute reports from `fromMs` up to `untilMs` (excluded): sleeping rates, or an empty bed. */
export function addBedReports(
  timeline: TimelineBuilder,
  random: SeededRandom,
  fromMs: number,
  untilMs: number,
  inBed: boolean,
): void {
  for (let atMs = fromMs; atMs < untilMs; atMs += MINUTE_MS) {
    timeline.add(
      atMs,
      inBed
        ? {
            kind: 'bed',
            inBed,
            heartRate: Math.round(random.normal(60, 2)),
            breathingRate: Math.round(random.normal(15, 1)),
          }
        : { kind: 'bed', inBed },
    );
  }
}
