import { SECOND_MS } from '../time/durations';
import { answerHours, answerSharesToday, type TimedAlert } from './answer-shares';

const LIMITS = { targetSec: 60, worstSec: 180 };
/** 10:00 in Shanghai. */
const NOW = Date.parse('2026-03-10T10:00:00+08:00');
const secondsAgo = (seconds: number) => NOW - seconds * SECOND_MS;

const alert = (
  raisedSecAgo: number,
  answeredAfterSec: number | null,
  severity: TimedAlert['severity'] = 'critical',
) => ({
  severity,
  raisedAt: secondsAgo(raisedSecAgo),
  acknowledgedAt: answeredAfterSec === null ? null : secondsAgo(raisedSecAgo) + answeredAfterSec * SECOND_MS,
});

describe('answerSharesToday', () => {
  const sut = (alerts: TimedAlert[]) => answerSharesToday(alerts, NOW, LIMITS);

  it('has no share when nothing is decided yet', () => {
    expect(sut([])).toEqual({
      withinTarget: { within: 0, decided: 0, percent: null },
      withinWorst: { within: 0, decided: 0, percent: null },
    });
  });

  it.each([
    ['answered in 30 s', alert(600, 30), [1, 1], [1, 1]],
    ['answered at exactly the target', alert(600, 60), [1, 1], [1, 1]],
    ['answered late, in 90 s', alert(600, 90), [0, 1], [1, 1]],
    ['answered past the worst, in 200 s', alert(600, 200), [0, 1], [0, 1]],
    ['waiting 30 s: undecided for both', alert(30, null), [0, 0], [0, 0]],
    ['waiting 90 s: missed the target, undecided for the worst', alert(90, null), [0, 1], [0, 0]],
    ['waiting 200 s: missed both', alert(200, null), [0, 1], [0, 1]],
  ])('counts an alert %s', (_case, timed, [targetWithin, targetDecided], [worstWithin, worstDecided]) => {
    const shares = sut([timed]);
    expect([shares.withinTarget.within, shares.withinTarget.decided]).toEqual([targetWithin, targetDecided]);
    expect([shares.withinWorst.within, shares.withinWorst.decided]).toEqual([worstWithin, worstDecided]);
  });

  it('takes only critical and urgent alerts raised since local midnight', () => {
    const yesterday = {
      severity: 'critical' as const,
      raisedAt: Date.parse('2026-03-09T23:59:00+08:00'),
      acknowledgedAt: null,
    };
    const shares = sut([alert(600, 30), alert(600, 300, 'urgent'), alert(600, 900, 'notice'), yesterday]);
    expect(shares.withinTarget).toEqual({ within: 1, decided: 2, percent: 50 });
  });

  it('gives the share in per cent with one decimal', () => {
    const alerts = [alert(600, 10), alert(600, 10), alert(600, 100)];
    expect(sut(alerts).withinTarget.percent).toBe(66.7);
  });
});

describe('answerHours', () => {
  it('gives 24 hours ending with the current one, each alert in the hour it was raised', () => {
    const at = Date.parse('2026-03-10T10:30:00+08:00');
    const raised = (
      minutesAgo: number,
      answeredAfterSec: number | null,
      severity: TimedAlert['severity'] = 'critical',
    ) => ({
      severity,
      raisedAt: at - minutesAgo * 60 * SECOND_MS,
      acknowledgedAt:
        answeredAfterSec === null ? null : at - minutesAgo * 60 * SECOND_MS + answeredAfterSec * SECOND_MS,
    });
    const hours = answerHours([raised(1, 10), raised(2, 200), raised(60, 5, 'notice'), raised(25 * 60, 5)], at, LIMITS);
    expect(hours).toHaveLength(24);
    expect(hours[23]).toEqual({
      start: Date.parse('2026-03-10T10:00:00+08:00'),
      raised: 2,
      timed: 2,
      answeredWithinTarget: 1,
    });
    expect(hours[22]).toMatchObject({ start: at - 90 * 60 * SECOND_MS, raised: 1, timed: 0, answeredWithinTarget: 0 });
    expect(hours[0].start).toBe(Date.parse('2026-03-09T11:00:00+08:00'));
    expect(hours.reduce((total, hour) => total + hour.raised, 0)).toBe(3);
  });
});
