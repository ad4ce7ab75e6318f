import { MINUTE_MS } from '../local-time';
import { SeededRandom } from '../seeded-random';
import { TimelineBuilder, type Scenario } from './scenario';

export const RUNNING_MINUTES = 90;
const REPORT_MINUTES = 15;

/**
 * A tap left running (长时间用水: a fall in the shower, or a leak): flow starts, the register rises
 * at a steady rate in the reports every 15 minutes, and the flow stops after 90 minutes.
 */
export const tapRunningScenario: Scenario = {
  name: 'tap-running',
  title: '长时间用水 · a tap left running for 90 minutes',
  deviceType: 'water_meter',
  ending: 'disconnect',
  timeline: ({ startMs, deviceId }) => {
    const random = SeededRandom.from('tap-running', deviceId, startMs);
    const startLiters = Math.round(random.between(3_000, 40_000) * 10) / 10;
    const flowLpm = Math.round(random.between(5, 8) * 10) / 10;
    const timeline = new TimelineBuilder(deviceId, 'tap-running', startMs);
    for (let minute = 0; minute <= RUNNING_MINUTES; minute += REPORT_MINUTES) {
      const totalLiters = Math.round((startLiters + flowLpm * minute) * 10) / 10;
      // The last report is the stop: the meter reports at once when flow ends.
      timeline.add(startMs + minute * MINUTE_MS, {
        kind: 'water',
        totalLiters,
        flowLpm: minute === RUNNING_MINUTES ? 0 : flowLpm,
      });
    }
    return timeline.build();
  },
};
