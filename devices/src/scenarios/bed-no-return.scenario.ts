import { MINUTE_MS } from '../local-time';
import { SeededRandom } from '../seeded-random';
import { addBedReports } from './bed-mat-timeline';
import { TimelineBuilder, type Scenario } from './scenario';

/** When the elder gets up, after the first report. */
export const GETS_UP_AFTER_MS = 10 * MINUTE_MS;
/** How long the mat goes on reporting the empty bed. */
export const EMPTY_FOR_MS = 40 * MINUTE_MS;

/**
 * A fall at night after getting up: ten minutes of sleep on the mat, then the elder gets up and never comes back;
 * the mat reports the empty bed every minute for 40 minutes. With the default 30 minutes to return, the platform
 * raises "not back in bed" (bed-no-return) while the bed is still empty. Start it at night (`--start` at 02:00).
 */
export const bedNoReturnScenario: Scenario = {
  name: 'bed-no-return',
  title: '夜间离床未归 · gets up at night and does not come back (a fall)',
  deviceType: 'bed_mat',
  ending: 'disconnect',
  timeline: ({ startMs, deviceId }) => {
    const random = SeededRandom.from('bed-no-return', deviceId, startMs);
    const timeline = new TimelineBuilder(deviceId, 'bed-no-return', startMs);
    const upMs = startMs + GETS_UP_AFTER_MS;
    addBedReports(timeline, random, startMs, upMs, true);
    addBedReports(timeline, random, upMs, upMs + EMPTY_FOR_MS + MINUTE_MS, false);
    return timeline.build();
  },
};
