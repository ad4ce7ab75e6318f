import { MINUTE_MS } from '../local-time';
import { SeededRandom } from '../seeded-random';
import { addBedReports } from './bed-mat-timeline';
import { TimelineBuilder, type Scenario } from './scenario';

/** When the elder gets up for the toilet, and for how long. */
export const TOILET_AFTER_MS = 35 * MINUTE_MS;
export const TOILET_FOR_MS = 6 * MINUTE_MS;

/**
 * A sleeping elder on a bed mat, for an hour: a report a minute with a calm heart rate (about 60) and breathing
 * rate (about 15), a six-minute trip to the toilet after 35 minutes with the empty bed reported, then back to
 * sleep. Nothing in it should raise an alert: a short trip is not a fall. Start it at night (`--start` at 23:00).
 */
export const asleepScenario: Scenario = {
  name: 'asleep',
  title: '安睡 · a night on the bed mat, a short trip to the toilet',
  deviceType: 'bed_mat',
  ending: 'disconnect',
  timeline: ({ startMs, deviceId }) => {
    const random = SeededRandom.from('asleep', deviceId, startMs);
    const timeline = new TimelineBuilder(deviceId, 'asleep', startMs);
    const upMs = startMs + TOILET_AFTER_MS;
    const backMs = upMs + TOILET_FOR_MS;
    addBedReports(timeline, random, startMs, upMs, true);
    addBedReports(timeline, random, upMs, backMs, false);
    addBedReports(timeline, random, backMs, startMs + 60 * MINUTE_MS, true);
    return timeline.build();
  },
};
