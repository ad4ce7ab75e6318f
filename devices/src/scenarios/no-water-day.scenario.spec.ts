import { HOUR_MS } from '../local-time';
import { REPORT_INTERVAL_MS, noWaterDayScenario } from './no-water-day.scenario';

const START = Date.parse('2025-11-23T07:00:00+08:00');

describe('no-water-day scenario', () => {
  describe.each(['wm-0001', 'wm-0002', 'wm-0003'])('on %s', (deviceId) => {
    const sut = noWaterDayScenario.timeline({ startMs: START, deviceId });
    const readings = sut.flatMap((entry) =>
      entry.uplink.kind === 'water' ? [{ atMs: entry.atMs, ...entry.uplink }] : [],
    );
    const heartbeats = sut.flatMap((entry) =>
      entry.uplink.kind === 'heartbeat' ? [{ atMs: entry.atMs, ...entry.uplink }] : [],
    );

    it('reports every 15 minutes for 24 hours', () => {
      expect(readings[0].atMs).toBe(START);
      expect(readings.at(-1)!.atMs).toBe(START + 24 * HOUR_MS);
      readings
        .slice(1)
        .forEach((reading, index) => expect(reading.atMs - readings[index].atMs).toBe(REPORT_INTERVAL_MS));
    });

    it('shows a flat register and no flow all day', () => {
      expect(readings[0].totalLiters).toBeGreaterThan(0);
      readings.forEach((reading) => {
        expect(reading.totalLiters).toBe(readings[0].totalLiters);
        expect(reading.flowLpm).toBe(0);
      });
    });

    it('keeps sending hourly heartbeats: the meter is alive, the elder is quiet', () => {
      expect(heartbeats).toHaveLength(24);
      heartbeats.slice(1).forEach((beat, index) => expect(beat.atMs - heartbeats[index].atMs).toBe(HOUR_MS));
      heartbeats.forEach((beat) => expect(beat.battery).toBeGreaterThanOrEqual(20));
    });
  });
});
