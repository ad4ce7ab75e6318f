import { DAY_MS } from '../time/durations';
import { daysOverdue, findingAlertSeverity, isVisitOverdue, monthlyVisitRate, visitDueAt } from './risk-visit-schedule';

describe('visits to elders at risk', () => {
  const pairedAt = Date.UTC(2026, 0, 1);

  it('falls due an interval after the last visit, or after the pairing before any', () => {
    expect(visitDueAt({ pairedAt, lastVisitAt: null }, 7)).toBe(pairedAt + 7 * DAY_MS);
    expect(visitDueAt({ pairedAt, lastVisitAt: pairedAt + 3 * DAY_MS }, 30)).toBe(pairedAt + 33 * DAY_MS);
  });

  it('is overdue from the due moment, by whole days', () => {
    const pair = { pairedAt, lastVisitAt: null };
    expect(isVisitOverdue(pair, 7, pairedAt + 7 * DAY_MS - 1)).toBe(false);
    expect(isVisitOverdue(pair, 7, pairedAt + 7 * DAY_MS)).toBe(true);
    expect(daysOverdue(pair, 7, pairedAt + 9.5 * DAY_MS)).toBe(2);
    expect(daysOverdue(pair, 7, pairedAt)).toBe(0);
  });

  it('opens an alert as grave as the gravest finding, and none for low spirits alone', () => {
    expect(findingAlertSeverity([])).toBeNull();
    expect(findingAlertSeverity(['lonely'])).toBeNull();
    expect(findingAlertSeverity(['unsafe-home', 'lonely'])).toBe('check-on');
    expect(findingAlertSeverity(['needs-services', 'unwell'])).toBe('urgent');
  });

  it('rates the month as the share of elders visited', () => {
    expect(monthlyVisitRate(0, 0)).toBeNull();
    expect(monthlyVisitRate(2, 3)).toBe(66.7);
    expect(monthlyVisitRate(3, 3)).toBe(100);
  });
});
