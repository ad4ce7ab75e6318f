import { localAt } from '../rule-test-kit.fixture';
import { RuleHarness } from './rule-harness.fixture';

// 赵德明, 86, 失智, has a 300 m safe zone around his home. After lunch he walks off along the river.
describe('scenario: a walk out of the safe zone', () => {
  const at = (hh: number, mm: number) => localAt(2, hh, mm);
  const home = { lat: 22.5171, lon: 113.3926 };
  const east = (metres: number) => ({
    lat: home.lat,
    lon: home.lon + metres / (111_195 * Math.cos((home.lat * Math.PI) / 180)),
  });
  const zone = { safeZone: { zone: { ...home, radiusM: 300 } } };

  /** The watch's positions, `metres` east of home, between its heartbeats every 15 minutes from 13:00 to 17:00. */
  function walk(positions: [number, number][]): RuleHarness {
    const sut = new RuleHarness('wearable', at(13, 0), zone);
    const heartbeats = Array.from({ length: 17 }, (_, index) => at(13, index * 15));
    const times = [...new Set([...heartbeats, ...positions.map(([time]) => time)])].sort((a, b) => a - b);
    for (const time of times) {
      const position = positions.find(([positionAt]) => positionAt === time);
      sut.send(
        position ? { kind: 'location', ...east(position[1]), accuracyM: 12 } : { kind: 'heartbeat', battery: 80 },
        time,
      );
    }
    return sut;
  }

  it('raises urgent ten minutes after he first left, with his last position, and once', () => {
    const sut = walk([
      [at(13, 50), 0],
      [at(13, 55), 250],
      [at(14, 0), 420],
      [at(14, 4), 560],
      [at(14, 8), 700],
      [at(14, 12), 820],
      [at(14, 30), 120],
    ]);

    expect(sut.story('device-silent')).toEqual([
      {
        at: at(14, 0),
        cause: 'event location',
        decision: { type: 'schedule', timer: 'outside-zone', dueAt: at(14, 10) },
      },
      {
        at: at(14, 10),
        cause: 'timer outside-zone',
        decision: {
          type: 'raise',
          rule: 'left-safe-zone',
          severity: 'urgent',
          occurredAt: at(14, 10),
          evidence: {
            outsideSince: at(14, 0),
            lastPosition: { ...east(700), accuracyM: 12, at: at(14, 8) },
            distanceM: 700,
            zone: { ...home, radiusM: 300 },
          },
          triggerId: `timer:watch-0001:outside-zone:${at(14, 10)}`,
        },
      },
    ]);
    expect(sut.state.zone.outsideSince).toBeNull();
  });

  it('lets a short stroll past the edge pass', () => {
    const sut = walk([
      [at(15, 0), 350],
      [at(15, 6), 280],
    ]);
    expect(sut.story('device-silent')).toEqual([
      {
        at: at(15, 0),
        cause: 'event location',
        decision: { type: 'schedule', timer: 'outside-zone', dueAt: at(15, 10) },
      },
      { at: at(15, 6), cause: 'event location', decision: { type: 'unschedule', timer: 'outside-zone' } },
    ]);
  });

  it('raises again for a second walk after he came back', () => {
    const sut = walk([
      [at(14, 0), 420],
      [at(14, 30), 100],
      [at(16, 0), 900],
      [at(16, 5), 950],
    ]);
    expect(sut.raises().map((raise) => [raise.occurredAt, raise.evidence.outsideSince])).toEqual([
      [at(14, 10), at(14, 0)],
      [at(16, 10), at(16, 0)],
    ]);
  });
});
