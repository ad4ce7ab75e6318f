import { isRuleCode } from '../rules/rule-code';
import { isTimerKind } from '../rules/rule-decision';
import { isAlertStatus } from './alert-state';
import { isSeverity } from './severity';

describe('checks of stored codes read back as text', () => {
  it.each<[string, string, boolean, (value: string) => boolean]>([
    ['rule code', 'water-baseline', true, isRuleCode],
    ['rule code', 'water_baseline', false, isRuleCode],
    ['rule code', 'toString', false, isRuleCode],
    ['timer kind', 'outside-zone', true, isTimerKind],
    ['timer kind', 'left-safe-zone', false, isTimerKind],
    ['alert status', 'cancelled-by-elder', true, isAlertStatus],
    ['alert status', 'cancelled', false, isAlertStatus],
    ['severity', 'check-on', true, isSeverity],
    ['severity', 'high', false, isSeverity],
  ])('%s: %p is one: %p', (_kind, value, expected, sut) => {
    expect(sut(value)).toBe(expected);
  });
});
