import type { AlertView } from '@eldercare/contracts';

/** An open sos alert of 王秀英 in 公园社区, with whatever a test changes. */
export function alertView(changes: Partial<AlertView> = {}): AlertView {
  return {
    id: 'a-1',
    seq: '1',
    rule: 'sos',
    severity: 'critical',
    status: 'raised',
    triggerCount: 1,
    elder: { id: 'e-1', name: '王秀英', gender: 'female', age: 82, categories: ['living_alone', 'advanced_age'] },
    place: { communityId: 'c-1', community: '公园社区', street: '公园街道', district: '东湖区' },
    device: { id: 'btn-000001', type: 'call_button' },
    deviceTime: '2025-03-08T06:00:00.000Z',
    receivedAt: '2025-03-08T06:00:01.000Z',
    raisedAt: '2025-03-08T06:00:01.000Z',
    firstShownAt: null,
    acknowledgedAt: null,
    claimedBy: null,
    resolvedAt: null,
    cancelledAt: null,
    outcome: null,
    reason: null,
    escalation: null,
    evidence: {},
    ...changes,
  };
}
