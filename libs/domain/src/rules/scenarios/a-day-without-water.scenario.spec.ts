import { MINUTE_MS } from '../../time/durations';
import type { Absence } from '../absence';
import { localAt } from '../rule-test-kit.fixture';
import { RuleHarness } from './rule-harness.fixture';

// 王建国, 79, lives alone with a smart water meter. Monday is an ordinary day; after supper he uses no more water.
describe('scenario: a day without water', () => {
  const monday = (hh: number, mm = 0) => localAt(0, hh, mm);
  const tuesday = (hh: number, mm = 0) => localAt(1, hh, mm);
  const wednesday = (hh: number, mm = 0) => localAt(2, hh, mm);
  const thursday = (hh: number, mm = 0) => localAt(3, hh, mm);

  /**
   * The meter from Monday 06:00 to `until`: its register every 15 minutes, and a report when flow starts or stops
   * (the 07:00 shower). Monday is an ordinary day, the last water at 17:30; `laterUse` adds litres after that.
   */
  function meter(until: number, options: { absences?: Absence[]; laterUse?: [number, number][] } = {}): RuleHarness {
    const uses: [number, number][] = [
      [monday(6, 30), 5],
      [monday(7, 10), 80],
      [monday(11), 15],
      [monday(17, 30), 3],
      ...(options.laterUse ?? []),
    ];
    const flows = new Map([
      [monday(7), 8],
      [monday(7, 10), 0],
    ]);
    const times = new Set(flows.keys());
    for (let time = monday(6); time <= until; time += 15 * MINUTE_MS) times.add(time);
    const sut = new RuleHarness('water_meter', monday(6), {}, options.absences);
    for (const time of [...times].sort((a, b) => a - b)) {
      const totalLiters = uses.filter(([at]) => at <= time).reduce((total, [, litres]) => total + litres, 15_230);
      const flowLpm = flows.get(time);
      sut.send(flowLpm === undefined ? { kind: 'water', totalLiters } : { kind: 'water', totalLiters, flowLpm }, time);
    }
    return sut;
  }

  it('raises a check-on at 06:00 on Tuesday, not at 05:30 while he may still sleep', () => {
    const sut = meter(tuesday(8));

    expect(sut.story('device-silent')).toEqual([
      { at: monday(6), cause: 'event water', decision: { type: 'schedule', timer: 'no-water', dueAt: monday(18) } },
      // Every use after the first leaves the timer where it is: due first, it looks again from the last use.
      { at: monday(7), cause: 'event water', decision: { type: 'schedule', timer: 'water-running', dueAt: monday(8) } },
      { at: monday(7, 10), cause: 'event water', decision: { type: 'unschedule', timer: 'water-running' } },
      {
        at: monday(18),
        cause: 'timer no-water',
        decision: { type: 'schedule', timer: 'no-water', dueAt: tuesday(5, 30) },
      },
      {
        at: tuesday(5, 30),
        cause: 'timer no-water',
        decision: { type: 'schedule', timer: 'no-water', dueAt: tuesday(6) },
      },
      {
        at: tuesday(6),
        cause: 'timer no-water',
        decision: {
          type: 'raise',
          rule: 'no-water',
          severity: 'check-on',
          occurredAt: tuesday(6),
          evidence: { lastUseAt: monday(17, 30), quietSince: monday(17, 30), hoursWithoutWater: 12.5 },
          triggerId: `timer:wm-0001:no-water:${tuesday(6)}`,
        },
      },
    ]);
  });

  it('starts watching again when his daughter comes and runs the tap', () => {
    const sut = meter(tuesday(8));

    const decisions = sut.send({ kind: 'water', totalLiters: 15_340, flowLpm: 0 }, tuesday(8, 10));

    expect(decisions).toEqual([{ type: 'schedule', timer: 'no-water', dueAt: tuesday(20, 10) }]);
    expect(sut.raises().map((raise) => raise.rule)).toEqual(['no-water']);
  });

  describe('in hospital from Monday 20:00 to Wednesday 10:00', () => {
    const hospital: Absence = { from: monday(20), until: wednesday(10), reason: 'hospital' };

    it('raises nothing while he is away, and nothing once he is back and uses water as usual', () => {
      const laterUse: [number, number][] = [
        [wednesday(10, 30), 5],
        [wednesday(20, 30), 12],
        [thursday(6, 45), 40],
      ];
      const sut = meter(thursday(12), { absences: [hospital], laterUse });

      expect(sut.raises()).toEqual([]);
      expect(sut.story('device-silent').filter((entry) => entry.at > monday(17, 30))).toEqual([
        {
          at: monday(18),
          cause: 'timer no-water',
          decision: { type: 'schedule', timer: 'no-water', dueAt: tuesday(5, 30) },
        },
        {
          at: tuesday(5, 30),
          cause: 'timer no-water',
          decision: { type: 'schedule', timer: 'no-water', dueAt: wednesday(22) },
        },
        {
          at: wednesday(22),
          cause: 'timer no-water',
          decision: { type: 'schedule', timer: 'no-water', dueAt: thursday(8, 30) },
        },
        {
          at: thursday(8, 30),
          cause: 'timer no-water',
          decision: { type: 'schedule', timer: 'no-water', dueAt: thursday(18, 45) },
        },
      ]);
    });

    it('counts the quiet hours from his return, and raises on Thursday morning if the flat stays dry', () => {
      const sut = meter(thursday(7), { absences: [hospital] });

      expect(sut.story('device-silent').filter((entry) => entry.cause === 'timer no-water')).toEqual([
        {
          at: monday(18),
          cause: 'timer no-water',
          decision: { type: 'schedule', timer: 'no-water', dueAt: tuesday(5, 30) },
        },
        {
          at: tuesday(5, 30),
          cause: 'timer no-water',
          decision: { type: 'schedule', timer: 'no-water', dueAt: wednesday(22) },
        },
        {
          at: wednesday(22),
          cause: 'timer no-water',
          decision: { type: 'schedule', timer: 'no-water', dueAt: thursday(6) },
        },
        {
          at: thursday(6),
          cause: 'timer no-water',
          decision: {
            type: 'raise',
            rule: 'no-water',
            severity: 'check-on',
            occurredAt: thursday(6),
            evidence: { lastUseAt: monday(17, 30), quietSince: wednesday(10), hoursWithoutWater: 20 },
            triggerId: `timer:wm-0001:no-water:${thursday(6)}`,
          },
        },
      ]);
    });
  });
});
