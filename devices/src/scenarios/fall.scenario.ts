import { ZHONGSHAN_CITY_CENTRE, offsetByMeters, roundCoordinates } from '../geo-point';
import { MINUTE_MS } from '../local-time';
import { SeededRandom } from '../seeded-random';
import { TimelineBuilder, type Scenario } from './scenario';

/** When the fall happens, after the first reading. */
export const FALL_AFTER_MS = 7 * MINUTE_MS;

/**
 * A fall at home: two `vitals` while the elder moves about, the watch's `fall` (confidence about
 * 0.9, at home), then five `vitals` over 20 minutes in which the step count does not move and the
 * pulse stays up: the elder is down and not getting up. No `location`: the watch only sends
 * positions while moving.
 */
export const fallScenario: Scenario = {
  name: 'fall',
  title: '跌倒 · a fall at home, no movement after',
  deviceType: 'wearable',
  ending: 'disconnect',
  timeline: ({ startMs, deviceId, home = ZHONGSHAN_CITY_CENTRE }) => {
    const random = SeededRandom.from('fall', deviceId, startMs);
    const timeline = new TimelineBuilder(deviceId, 'fall', startMs);
    const vitals = (heartRate: number, steps: number) => ({
      kind: 'vitals' as const,
      heartRate: Math.round(heartRate + random.normal(0, 1.5)),
      spo2: random.int(95, 98),
      bodyTempC: Math.round(random.normal(36.6, 0.1) * 10) / 10,
      steps,
    });

    let steps = random.int(1_500, 3_000);
    timeline.add(startMs, vitals(76, steps));
    steps += random.int(80, 160);
    timeline.add(startMs + 5 * MINUTE_MS, vitals(78, steps));

    const where = roundCoordinates(offsetByMeters(home, random.normal(0, 3), random.normal(0, 3)));
    timeline.add(startMs + FALL_AFTER_MS, {
      kind: 'fall',
      confidence: Math.round(random.between(0.87, 0.94) * 100) / 100,
      lat: where.lat,
      lon: where.lon,
    });

    // The steps taken between the last reading and the fall are in the first reading after it.
    steps += random.int(20, 60);
    [104, 99, 96, 94, 93].forEach((heartRate, index) =>
      timeline.add(startMs + (10 + 5 * index) * MINUTE_MS, vitals(heartRate, steps)),
    );
    return timeline.build();
  },
};
