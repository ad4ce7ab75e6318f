import { distanceMeters } from '../geo-point';
import { MINUTE_MS } from '../local-time';
import { WALK_MINUTES, leftSafeZoneScenario } from './left-safe-zone.scenario';

const START = Date.parse('2025-11-23T15:00:00+08:00');
const HOME = { lat: 22.5176, lon: 113.3926 };

describe('left-safe-zone scenario', () => {
  describe.each(['watch-0001', 'watch-0002', 'watch-0003', 'watch-0004'])('on %s', (deviceId) => {
    const sut = leftSafeZoneScenario.timeline({ startMs: START, deviceId, home: HOME });
    const locations = sut.flatMap((entry) =>
      entry.uplink.kind === 'location' ? [{ atMs: entry.atMs, ...entry.uplink }] : [],
    );
    const distances = locations.map((location) => distanceMeters(HOME, location));

    it('starts at home and reports every 5 minutes for 30 minutes', () => {
      expect(distances[0]).toBeLessThan(1);
      expect(locations.at(-1)!.atMs - START).toBe(WALK_MINUTES * MINUTE_MS);
      locations
        .slice(1)
        .forEach((location, index) => expect(location.atMs - locations[index].atMs).toBe(5 * MINUTE_MS));
    });

    it('moves farther from home at every report, at an elder walking pace', () => {
      distances.slice(1).forEach((distance, index) => {
        expect(distance).toBeGreaterThan(distances[index]);
        expect(distance - distances[index]).toBeLessThan(5 * 60);
      });
    });

    it('ends more than a kilometre from home, outside any safe zone around it', () => {
      expect(distances.at(-1)).toBeGreaterThan(1_000);
      expect(distances.at(-1)).toBeLessThan(2_000);
    });
  });
});
