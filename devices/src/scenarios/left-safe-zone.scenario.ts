import { ZHONGSHAN_CITY_CENTRE, offsetByMeters, roundCoordinates } from '../geo-point';
import { MINUTE_MS } from '../local-time';
import { SeededRandom } from '../seeded-random';
import { TimelineBuilder, type Scenario } from './scenario';

export const WALK_MINUTES = 30;
const REPORT_MINUTES = 5;

/**
 * A walk out of the safe zone (走失风险, an elder with dementia): `location` every 5 minutes for 30
 * minutes, heading away from home at about 50 metres a minute with a little wandering, ending about
 * 1.5 km out.
 */
export const leftSafeZoneScenario: Scenario = {
  name: 'left-safe-zone',
  title: '走出安全区 · a walk out of the safe zone',
  deviceType: 'wearable',
  ending: 'disconnect',
  timeline: ({ startMs, deviceId, home = ZHONGSHAN_CITY_CENTRE }) => {
    const random = SeededRandom.from('left-safe-zone', deviceId, startMs);
    let bearing = random.between(0, 2 * Math.PI);
    let northM = 0;
    let eastM = 0;
    const timeline = new TimelineBuilder(deviceId, 'left-safe-zone', startMs);
    for (let minute = 0; minute <= WALK_MINUTES; minute += REPORT_MINUTES) {
      const point = roundCoordinates(offsetByMeters(home, northM, eastM));
      timeline.add(startMs + minute * MINUTE_MS, {
        kind: 'location',
        lat: point.lat,
        lon: point.lon,
        accuracyM: random.int(5, 15),
      });
      // Wandering turns the heading a little each leg, never back towards home.
      bearing += random.between(-0.3, 0.3);
      const legM = REPORT_MINUTES * random.between(45, 55);
      northM += legM * Math.cos(bearing);
      eastM += legM * Math.sin(bearing);
    }
    return timeline.build();
  },
};
