import type { TimelineEntry } from '@eldercare/contracts';
import type { AlertRow, CallRecord, DispatchRecord, EscalationRecord } from '@eldercare/persistence';

export interface TimelineSources {
  alert: AlertRow;
  calls: CallRecord[];
  dispatches: DispatchRecord[];
  escalations: EscalationRecord[];
}

/** Every moment of an alert in time order, from the device's press to the resolution; equal times keep life-cycle order. */
export function alertTimeline({ alert, calls, dispatches, escalations }: TimelineSources): TimelineEntry[] {
  const at = (date: Date) => date.toISOString();
  const entries: TimelineEntry[] = [
    { at: at(alert.deviceTime), kind: 'device-time', by: null, detail: alert.device?.id ?? null },
    { at: at(alert.receivedAt), kind: 'received', by: null, detail: null },
    { at: at(alert.raisedAt), kind: 'raised', by: null, detail: alert.rule },
  ];
  if (alert.firstShownAt) entries.push({ at: at(alert.firstShownAt), kind: 'first-shown', by: null, detail: null });
  for (const escalation of escalations)
    entries.push({ at: at(escalation.at), kind: 'escalated', by: null, detail: escalation.step });
  if (alert.cancelledAt)
    entries.push({ at: at(alert.cancelledAt), kind: 'cancelled-by-elder', by: null, detail: null });
  if (alert.acknowledgedAt)
    entries.push({ at: at(alert.acknowledgedAt), kind: 'acknowledged', by: alert.claimedBy, detail: null });
  for (const call of calls) {
    entries.push({
      at: at(call.at),
      kind: 'call',
      by: call.by,
      detail: `${call.callee} ${call.answered ? '✓' : '✗'}${call.note ? `: ${call.note}` : ''}`,
    });
  }
  for (const dispatch of dispatches) {
    entries.push({
      at: at(dispatch.at),
      kind: 'dispatch',
      by: dispatch.by,
      detail: `${dispatch.kind}: ${dispatch.sentTo}${dispatch.note ? `: ${dispatch.note}` : ''}`,
    });
  }
  if (alert.resolvedAt)
    entries.push({ at: at(alert.resolvedAt), kind: 'resolved', by: alert.claimedBy, detail: alert.outcome });
  // A stable sort on the ISO strings keeps pushed order among equal times.
  return entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
