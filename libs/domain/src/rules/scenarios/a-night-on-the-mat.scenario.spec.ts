import { MINUTE_MS } from '../../time/durations';
import { localAt } from '../rule-test-kit.fixture';
import { RuleHarness } from './rule-harness.fixture';

// 王桂兰, 88, has a care bed at home with a sensor mat under her mattress.
describe('scenario: a night on the bed mat', () => {
  const sleep = (sut: RuleHarness, from: number, until: number, rates = { heartRate: 58, breathingRate: 14 }) => {
    for (let at = from; at < until; at += MINUTE_MS) sut.send({ kind: 'bed', inBed: true, ...rates }, at);
  };
  const empty = (sut: RuleHarness, from: number, until: number) => {
    for (let at = from; at < until; at += MINUTE_MS) sut.send({ kind: 'bed', inBed: false }, at);
  };

  it('raises nothing for a quiet night with two short trips to the toilet', () => {
    const sut = new RuleHarness('bed_mat', localAt(0, 21, 30));
    empty(sut, localAt(0, 21, 30), localAt(0, 21, 45));
    sleep(sut, localAt(0, 21, 45), localAt(1, 1, 10));
    empty(sut, localAt(1, 1, 10), localAt(1, 1, 18));
    sleep(sut, localAt(1, 1, 18), localAt(1, 4, 2));
    empty(sut, localAt(1, 4, 2), localAt(1, 4, 9));
    sleep(sut, localAt(1, 4, 9), localAt(1, 6, 40));
    empty(sut, localAt(1, 6, 40), localAt(1, 12));

    expect(sut.raises()).toEqual([]);
  });

  it('raises bed-no-return 30 minutes after she gets up at 02:10 and does not come back, then the night total', () => {
    const sut = new RuleHarness('bed_mat', localAt(0, 22));
    sleep(sut, localAt(0, 22), localAt(1, 2, 10));
    empty(sut, localAt(1, 2, 10), localAt(1, 4, 30));

    expect(sut.raises().map((raise) => [raise.rule, raise.severity, raise.occurredAt])).toEqual([
      ['bed-no-return', 'urgent', localAt(1, 2, 40)],
      ['out-of-bed-at-night', 'check-on', localAt(1, 4, 10)],
    ]);
  });

  it('raises a restless night once: twelve trips of a quarter hour add up to more than two hours', () => {
    const sut = new RuleHarness('bed_mat', localAt(0, 22));
    for (let trip = 0; trip < 12; trip++) {
      const start = localAt(0, 22) + trip * 30 * MINUTE_MS;
      sleep(sut, start, start + 15 * MINUTE_MS);
      empty(sut, start + 15 * MINUTE_MS, start + 30 * MINUTE_MS);
    }
    sleep(sut, localAt(1, 4), localAt(1, 6));

    // 15 minutes out on each trip from 22:15: the eighth trip, from 01:45, reaches 120 minutes at 02:00.
    expect(sut.raises().map((raise) => [raise.rule, raise.occurredAt])).toEqual([
      ['out-of-bed-at-night', localAt(1, 2)],
    ]);
  });

  it('raises vitals when her breathing stays slow three reports in a row', () => {
    const sut = new RuleHarness('bed_mat', localAt(0, 22));
    sleep(sut, localAt(0, 22), localAt(0, 23));
    sleep(sut, localAt(0, 23), localAt(0, 23, 3), { heartRate: 52, breathingRate: 7 });

    expect(sut.raises()).toMatchObject([{ rule: 'vitals', severity: 'urgent', occurredAt: localAt(0, 23, 2) }]);
  });
});
