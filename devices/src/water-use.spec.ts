import { planDailyRoutine } from './daily-routine';
import { flowChanges, planWaterUse } from './water-use';

const MIDNIGHT = Date.parse('2025-11-23T00:00:00+08:00');

describe('flowChanges', () => {
  it.each([
    { name: 'nothing', episodes: [], expected: [] },
    {
      name: 'one tap',
      episodes: [{ startMs: 100, endMs: 200, flowLpm: 4.5 }],
      expected: [
        { atMs: 100, flowLpm: 4.5 },
        { atMs: 200, flowLpm: 0 },
      ],
    },
    {
      name: 'two taps overlapping add up',
      episodes: [
        { startMs: 100, endMs: 300, flowLpm: 0.1 },
        { startMs: 200, endMs: 400, flowLpm: 0.2 },
      ],
      expected: [
        { atMs: 100, flowLpm: 0.1 },
        { atMs: 200, flowLpm: 0.3 },
        { atMs: 300, flowLpm: 0.2 },
        { atMs: 400, flowLpm: 0 },
      ],
    },
    {
      name: 'one tap closing as another opens is no change',
      episodes: [
        { startMs: 100, endMs: 200, flowLpm: 3 },
        { startMs: 200, endMs: 300, flowLpm: 3 },
      ],
      expected: [
        { atMs: 100, flowLpm: 3 },
        { atMs: 300, flowLpm: 0 },
      ],
    },
  ])('turns $name into steps of flow', ({ episodes, expected }) => {
    expect(flowChanges(episodes)).toEqual(expected);
  });
});

describe('planWaterUse', () => {
  it.each(['elder-0001', 'elder-0002', 'elder-0003'])('keeps every use between waking and bedtime for %s', (seed) => {
    const routine = planDailyRoutine(seed, MIDNIGHT);
    const episodes = planWaterUse(routine, seed);
    expect(episodes.length).toBeGreaterThanOrEqual(10);
    for (const episode of episodes) {
      expect(episode.startMs).toBeGreaterThanOrEqual(routine.wakeMs);
      expect(episode.endMs).toBeLessThan(routine.bedMs);
      expect(episode.endMs).toBeGreaterThan(episode.startMs);
      expect(episode.flowLpm).toBeGreaterThan(0);
    }
  });
});
