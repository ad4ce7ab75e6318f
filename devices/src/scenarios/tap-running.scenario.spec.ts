import { MINUTE_MS } from '../local-time';
import { RUNNING_MINUTES, tapRunningScenario } from './tap-running.scenario';

const START = Date.parse('2025-11-23T20:40:00+08:00');

describe('tap-running scenario', () => {
  describe.each(['wm-0001', 'wm-0002', 'wm-0003'])('on %s', (deviceId) => {
    const sut = tapRunningScenario.timeline({ startMs: START, deviceId });
    const readings = sut.flatMap((entry) =>
      entry.uplink.kind === 'water' ? [{ atMs: entry.atMs, ...entry.uplink }] : [],
    );
    const flow = readings[0].flowLpm!;

    it('reports the flow starting, then every 15 minutes while it runs', () => {
      expect(flow).toBeGreaterThanOrEqual(5);
      readings.slice(0, -1).forEach((reading) => expect(reading.flowLpm).toBe(flow));
      readings.slice(1).forEach((reading, index) => expect(reading.atMs - readings[index].atMs).toBe(15 * MINUTE_MS));
    });

    it('shows the register rising by the flow every minute it runs', () => {
      readings.slice(1).forEach((reading, index) => {
        expect(reading.totalLiters).toBeGreaterThan(readings[index].totalLiters);
        expect(reading.totalLiters - readings[index].totalLiters).toBeCloseTo(flow * 15, 0);
      });
    });

    it('reports the flow stopping after 90 minutes, with 90 minutes of water on the register', () => {
      const stop = readings.at(-1)!;
      expect(stop.atMs - START).toBe(RUNNING_MINUTES * MINUTE_MS);
      expect(stop.flowLpm).toBe(0);
      expect(stop.totalLiters - readings[0].totalLiters).toBeCloseTo(flow * RUNNING_MINUTES, 0);
    });
  });
});
