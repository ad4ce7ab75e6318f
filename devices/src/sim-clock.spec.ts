import { SimClock } from './sim-clock';

describe('SimClock', () => {
  it.each([
    { speed: 1, realElapsedMs: 5_000, simElapsedMs: 5_000 },
    { speed: 60, realElapsedMs: 60_000, simElapsedMs: 3_600_000 },
    { speed: 1_440, realElapsedMs: 60_000, simElapsedMs: 86_400_000 },
  ])('runs $speed times faster than real time', ({ speed, realElapsedMs, simElapsedMs }) => {
    let realMs = 1_000;
    const sut = new SimClock(Date.parse('2025-11-23T06:00:00+08:00'), speed, () => realMs);
    expect(sut.now()).toBe(sut.startMs);
    realMs += realElapsedMs;
    expect(sut.now() - sut.startMs).toBe(simElapsedMs);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('refuses speed %s', (speed) => {
    expect(() => new SimClock(0, speed, () => 0)).toThrow('speed');
  });
});
