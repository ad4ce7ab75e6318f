import { MINUTE_MS } from '../local-time';
import { asleepScenario, TOILET_AFTER_MS, TOILET_FOR_MS } from './asleep.scenario';
import { bedNoReturnScenario, EMPTY_FOR_MS, GETS_UP_AFTER_MS } from './bed-no-return.scenario';
import type { TimelineEntry } from './scenario';

const START = Date.parse('2025-11-24T02:00:00+08:00');

const presence = (timeline: TimelineEntry[]) =>
  timeline.map((entry) => (entry.uplink.kind === 'bed' && entry.uplink.inBed ? 'in' : 'out'));

describe('bed mat scenarios', () => {
  describe.each(['mat-0001', 'mat-0002'])('on %s', (deviceId) => {
    it('asleep: in bed with calm rates, out for six minutes after 35, back for the rest of the hour', () => {
      const sut = asleepScenario.timeline({ startMs: START, deviceId });
      const outAt = sut.filter((entry) => entry.uplink.kind === 'bed' && !entry.uplink.inBed).map((e) => e.atMs);

      expect(outAt[0] - START).toBe(TOILET_AFTER_MS);
      expect(outAt).toHaveLength(TOILET_FOR_MS / MINUTE_MS);
      expect(presence(sut).at(-1)).toBe('in');
      sut.forEach(({ uplink }) => {
        if (uplink.kind !== 'bed' || !uplink.inBed) return;
        expect(uplink.heartRate).toBeGreaterThanOrEqual(52);
        expect(uplink.heartRate).toBeLessThanOrEqual(68);
        expect(uplink.breathingRate).toBeGreaterThanOrEqual(11);
        expect(uplink.breathingRate).toBeLessThanOrEqual(19);
      });
    });

    it('bed-no-return: asleep, then up after ten minutes and never back, the empty bed reported past 30 minutes', () => {
      const sut = bedNoReturnScenario.timeline({ startMs: START, deviceId });
      const firstOut = presence(sut).indexOf('out');

      expect(sut[firstOut].atMs - START).toBe(GETS_UP_AFTER_MS);
      expect(
        presence(sut)
          .slice(firstOut)
          .every((state) => state === 'out'),
      ).toBe(true);
      expect(sut.at(-1)!.atMs - sut[firstOut].atMs).toBe(EMPTY_FOR_MS);
    });
  });
});
