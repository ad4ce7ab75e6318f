import { distanceMeters } from '../geo-point';
import { MINUTE_MS } from '../local-time';
import { FALL_AFTER_MS, fallScenario } from './fall.scenario';

const START = Date.parse('2025-11-23T16:10:00+08:00');
const HOME = { lat: 30.2741, lon: 120.1551 };

describe('fall scenario', () => {
  describe.each(['watch-0001', 'watch-0002', 'watch-0003'])('on %s', (deviceId) => {
    const sut = fallScenario.timeline({ startMs: START, deviceId, home: HOME });
    const fallIndex = sut.findIndex((entry) => entry.uplink.kind === 'fall');
    const fall = sut[fallIndex];
    const vitals = sut.flatMap((entry) =>
      entry.uplink.kind === 'vitals' ? [{ atMs: entry.atMs, ...entry.uplink }] : [],
    );
    const before = vitals.filter((reading) => reading.atMs < fall.atMs);
    const after = vitals.filter((reading) => reading.atMs > fall.atMs);

    it('detects the fall with a confidence of about 0.9, at home', () => {
      expect(fall.atMs - START).toBe(FALL_AFTER_MS);
      if (fall.uplink.kind !== 'fall') throw new Error('not a fall');
      expect(fall.uplink.confidence).toBeGreaterThanOrEqual(0.85);
      expect(fall.uplink.confidence).toBeLessThanOrEqual(0.95);
      expect(distanceMeters(HOME, { lat: fall.uplink.lat!, lon: fall.uplink.lon! })).toBeLessThan(20);
    });

    it('shows the elder moving before the fall', () => {
      expect(before.length).toBeGreaterThanOrEqual(2);
      expect(before.at(-1)!.steps!).toBeGreaterThan(before[0].steps!);
    });

    it('shows no movement for 20 minutes after: the step count stands still', () => {
      expect(after.at(-1)!.atMs - after[0].atMs).toBe(20 * MINUTE_MS);
      after.forEach((reading) => expect(reading.steps).toBe(after[0].steps));
      expect(sut.slice(fallIndex + 1).every((entry) => entry.uplink.kind === 'vitals')).toBe(true);
    });

    it('shows a raised pulse after the fall that settles but stays above the pulse before it', () => {
      const pulseBefore = Math.max(...before.map((reading) => reading.heartRate!));
      expect(after[0].heartRate!).toBeGreaterThan(pulseBefore + 15);
      expect(after.at(-1)!.heartRate!).toBeLessThan(after[0].heartRate!);
      expect(after.at(-1)!.heartRate!).toBeGreaterThan(pulseBefore);
    });
  });
});
