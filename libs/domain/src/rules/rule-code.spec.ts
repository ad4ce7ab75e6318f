import { compareSeverity, SEVERITIES, type Severity } from '../alerts/severity';
import { RULE_CODES, severityOf, type RuleCode } from './rule-code';

describe('rule codes', () => {
  it.each<[RuleCode, Severity]>([
    ['sos', 'critical'],
    ['fall', 'critical'],
    ['vitals', 'urgent'],
    ['water-running', 'urgent'],
    ['left-safe-zone', 'urgent'],
    ['no-water', 'check-on'],
    ['water-baseline', 'check-on'],
    ['not-worn', 'notice'],
    ['device-silent', 'maintenance'],
    ['water-register-backwards', 'maintenance'],
    ['battery-low', 'maintenance'],
    ['bed-no-return', 'urgent'],
    ['out-of-bed-at-night', 'check-on'],
  ])('%s raises %s', (rule, severity) => {
    expect(severityOf(rule)).toBe(severity);
  });

  it('keeps the stored codes exactly', () => {
    expect(RULE_CODES).toEqual([
      'sos',
      'fall',
      'vitals',
      'no-water',
      'water-running',
      'water-register-backwards',
      'left-safe-zone',
      'not-worn',
      'device-silent',
      'battery-low',
      'water-baseline',
      'care-call-unanswered',
      'visit-missed',
      'risk-visit-overdue',
      'risk-visit-finding',
      'bed-no-return',
      'out-of-bed-at-night',
    ]);
  });
});

describe('compareSeverity', () => {
  it('sorts the most severe first', () => {
    const sut: Severity[] = ['maintenance', 'check-on', 'critical', 'notice', 'urgent', 'critical'];

    expect(sut.sort(compareSeverity)).toEqual(['critical', 'critical', 'urgent', 'check-on', 'notice', 'maintenance']);
  });

  it.each(SEVERITIES.map((severity) => [severity]))('finds %s equal to itself', (severity) => {
    expect(compareSeverity(severity, severity)).toBe(0);
  });
});
