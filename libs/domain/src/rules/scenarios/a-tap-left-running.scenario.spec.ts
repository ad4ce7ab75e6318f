import { MINUTE_MS } from '../../time/durations';
import { localAt } from '../rule-test-kit.fixture';
import { RuleHarness } from './rule-harness.fixture';

// 陈桂兰, 81, showers at 20:00, then leaves the kitchen tap running at 21:40 and goes to bed.
describe('scenario: a tap left running', () => {
  const at = (hh: number, mm: number) => localAt(0, hh, mm);

  /** The meter reports every 15 minutes and whenever flow starts or stops; litres follow the flow. */
  function evening(): RuleHarness {
    const flows: [number, number][] = [
      [at(19, 0), 0],
      [at(20, 0), 9],
      [at(20, 25), 0],
      [at(21, 40), 6],
      [at(23, 5), 0],
    ];
    const times = new Set(flows.map(([time]) => time));
    for (let time = at(19, 0); time <= at(23, 30); time += 15 * MINUTE_MS) times.add(time);
    const sut = new RuleHarness('water_meter', at(19, 0));
    let totalLiters = 8_410;
    let flowLpm = 0;
    let previous = at(19, 0);
    for (const time of [...times].sort((a, b) => a - b)) {
      totalLiters += (flowLpm * (time - previous)) / MINUTE_MS;
      previous = time;
      const change = flows.find(([flowAt]) => flowAt === time);
      if (change) flowLpm = change[1];
      sut.send(change ? { kind: 'water', totalLiters, flowLpm } : { kind: 'water', totalLiters }, time);
    }
    return sut;
  }

  it('lets a 25-minute shower pass and raises urgent after an hour of running tap, once', () => {
    const sut = evening();

    expect(
      sut
        .story('device-silent')
        .filter((entry) => entry.decision.type !== 'schedule' || entry.decision.timer !== 'no-water'),
    ).toEqual([
      { at: at(20, 0), cause: 'event water', decision: { type: 'schedule', timer: 'water-running', dueAt: at(21, 0) } },
      { at: at(20, 25), cause: 'event water', decision: { type: 'unschedule', timer: 'water-running' } },
      {
        at: at(21, 40),
        cause: 'event water',
        decision: { type: 'schedule', timer: 'water-running', dueAt: at(22, 40) },
      },
      {
        at: at(22, 40),
        cause: 'timer water-running',
        decision: {
          type: 'raise',
          rule: 'water-running',
          severity: 'urgent',
          occurredAt: at(22, 40),
          evidence: { runningSince: at(21, 40), minutesRunning: 60, flowLpm: 6 },
          triggerId: `timer:wm-0001:water-running:${at(22, 40)}`,
        },
      },
    ]);
    expect(sut.timers.has('water-running')).toBe(false);
  });

  it('counts the running water as use, up to the report that it stopped', () => {
    const sut = evening();

    expect(sut.raises().map((raise) => raise.rule)).toEqual(['water-running']);
    expect(sut.state.water?.lastUseAt).toBe(at(23, 5));
    // Due by 12 hours after the last use, and looking again from it when it fires.
    expect(sut.timers.get('no-water')).toBeLessThanOrEqual(localAt(1, 11, 5));
  });
});
