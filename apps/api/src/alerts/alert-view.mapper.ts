import type { AlertView } from '@eldercare/contracts';
import { ageOn } from '@eldercare/domain';
import type { AlertRow } from '@eldercare/persistence';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function toAlertView(row: AlertRow, now = Date.now()): AlertView {
  return {
    id: row.id,
    seq: row.seq,
    rule: row.rule,
    severity: row.severity as AlertView['severity'],
    status: row.status as AlertView['status'],
    triggerCount: row.triggerCount,
    elder: {
      id: row.elder.id,
      name: row.elder.name,
      gender: row.elder.gender,
      age: ageOn(row.elder.birthDate, now),
      categories: row.elder.categories,
    },
    place: {
      communityId: row.place.communityId,
      community: row.place.community,
      street: row.place.street ?? '',
      district: row.place.district ?? '',
    },
    device: row.device,
    deviceTime: row.deviceTime.toISOString(),
    receivedAt: row.receivedAt.toISOString(),
    raisedAt: row.raisedAt.toISOString(),
    firstShownAt: iso(row.firstShownAt),
    acknowledgedAt: iso(row.acknowledgedAt),
    claimedBy: row.claimedBy,
    resolvedAt: iso(row.resolvedAt),
    cancelledAt: iso(row.cancelledAt),
    outcome: row.outcome,
    reason: row.reason,
    escalation: row.escalation as AlertView['escalation'],
    evidence: row.evidence,
  };
}
