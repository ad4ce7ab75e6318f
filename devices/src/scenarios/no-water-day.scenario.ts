import { HOUR_MS, MINUTE_MS } from '../local-time';
import { SeededRandom } from '../seeded-random';
import { TimelineBuilder, type Scenario } from './scenario';

export const REPORT_INTERVAL_MS = 15 * MINUTE_MS;

/**
 * A day without water (24小时未用水): the meter reports every 15 minutes for 24 hours with a flat
 * register and no flow, and its hourly heartbeats show that it is the elder, not the meter, that
 * has gone quiet.
 */
export const noWaterDayScenario: Scenario = {
  name: 'no-water-day',
  title: '长时间未用水 · a day without water',
  deviceType: 'water_meter',
  ending: 'disconnect',
  timeline: ({ startMs, deviceId }) => {
    const random = SeededRandom.from('no-water-day', deviceId, startMs);
    const totalLiters = Math.round(random.between(3_000, 40_000) * 10) / 10;
    const battery = random.int(60, 95);
    const timeline = new TimelineBuilder(deviceId, 'no-water-day', startMs);
    for (let offsetMs = 0; offsetMs <= 24 * HOUR_MS; offsetMs += REPORT_INTERVAL_MS) {
      timeline.add(startMs + offsetMs, { kind: 'water', totalLiters, flowLpm: 0 });
    }
    // The heartbeat timer runs on its own phase, as in firmware.
    for (let offsetMs = 7 * MINUTE_MS; offsetMs < 24 * HOUR_MS; offsetMs += HOUR_MS) {
      timeline.add(startMs + offsetMs, { kind: 'heartbeat', battery });
    }
    return timeline.build();
  },
};
