import type { AlertView } from '@eldercare/contracts';
import { openAlertFigures } from './open-alert-figures';

const NOW = Date.parse('2026-03-10T10:00:00+08:00');

const alert = (
  severity: AlertView['severity'],
  raisedSecAgo: number,
  extra: Partial<Pick<AlertView, 'claimedBy' | 'escalation'>> = {},
): AlertView =>
  ({
    severity,
    raisedAt: new Date(NOW - raisedSecAgo * 1000).toISOString(),
    claimedBy: null,
    escalation: null,
    ...extra,
  }) as AlertView;

describe('openAlertFigures', () => {
  it('counts open alerts per severity, most severe first, with the age of the oldest', () => {
    const sut = openAlertFigures([alert('critical', 30), alert('critical', 400), alert('notice', 5)], NOW);
    expect(sut.bySeverity).toEqual([
      { severity: 'critical', open: 2, oldestSec: 400 },
      { severity: 'urgent', open: 0, oldestSec: null },
      { severity: 'check-on', open: 0, oldestSec: null },
      { severity: 'notice', open: 1, oldestSec: 5 },
      { severity: 'maintenance', open: 0, oldestSec: null },
    ]);
  });

  it('counts unclaimed alerts, and of them those escalated', () => {
    const claimed = { claimedBy: { id: 'u1', displayName: '陈静' } };
    const sut = openAlertFigures(
      [
        alert('critical', 10),
        alert('critical', 200, { escalation: 'supervisors' }),
        alert('urgent', 200, { ...claimed, escalation: 're-notify' }),
        alert('urgent', 20, claimed),
      ],
      NOW,
    );
    expect([sut.unclaimed, sut.escalated]).toEqual([2, 1]);
  });
});
