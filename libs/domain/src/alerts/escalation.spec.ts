import { mergeRuleSettings } from '../rules/rule-settings';
import type { AlertStatus } from './alert-state';
import { escalationSteps, isEscalationDue, type EscalationStep } from './escalation';
import type { Severity } from './severity';

const raisedAt = 1_763_960_000_000;
const settings = mergeRuleSettings({});

describe('escalationSteps', () => {
  const sut = escalationSteps;

  it.each<[Severity, EscalationStep[]]>([
    [
      'critical',
      [
        { step: 're-notify', at: raisedAt + 60_000 },
        { step: 'supervisors', at: raisedAt + 180_000 },
      ],
    ],
    ['urgent', [{ step: 'supervisors', at: raisedAt + 300_000 }]],
    ['check-on', []],
    ['notice', []],
    ['maintenance', []],
  ])('%s alerts escalate in the steps given', (severity, steps) => {
    expect(sut(severity, raisedAt, settings)).toEqual(steps);
  });

  it('follows shortened thresholds', () => {
    const quick = mergeRuleSettings({
      escalation: { critical: { reNotifyAfterSec: 2, supervisorsAfterSec: 5 }, urgent: { supervisorsAfterSec: 3 } },
    });

    expect(sut('critical', raisedAt, quick).map((step) => step.at - raisedAt)).toEqual([2_000, 5_000]);
    expect(sut('urgent', raisedAt, quick).map((step) => step.at - raisedAt)).toEqual([3_000]);
  });
});

describe('isEscalationDue', () => {
  const step: EscalationStep = { step: 're-notify', at: raisedAt + 60_000 };

  it.each<[AlertStatus, string, boolean, number]>([
    ['raised', 'at the step', true, step.at],
    ['raised', '5 s after the step', true, step.at + 5_000],
    ['raised', '1 ms before the step', false, step.at - 1],
    ['acknowledged', 'at the step', false, step.at],
    ['cancelled-by-elder', 'at the step', false, step.at],
    ['resolved', 'at the step', false, step.at],
  ])('a %s alert %s is due: %p', (status, _when, due, now) => {
    expect(isEscalationDue({ status }, step, now)).toBe(due);
  });
});
