import type { AlertView } from '@eldercare/contracts';
import { compareSeverity } from '@eldercare/domain';
import { isLaterSeq } from '../api/alert-seq';

export interface QueueState {
  /** In queue order: most severe first, then the longest waiting. */
  alerts: readonly AlertView[];
  /** A socket snapshot has arrived, so a listing fetched over HTTP can only be older than what is held. */
  live: boolean;
}

export const EMPTY_QUEUE: QueueState = { alerts: [], live: false };

/**
 * The queue holds what the api calls open: everything not yet resolved. An alert the elder cancelled stays until an
 * operator has called back and closed it.
 */
export function belongsInQueue(alert: Pick<AlertView, 'status'>): boolean {
  return alert.status !== 'resolved';
}

/** Most severe first; within a severity, the ones nobody has claimed, then the one raised longest ago. */
export function orderQueue(alerts: readonly AlertView[]): AlertView[] {
  const claimed = (alert: AlertView) => (alert.claimedBy === null ? 0 : 1);
  return [...alerts].sort(
    (a, b) =>
      compareSeverity(a.severity, b.severity) ||
      claimed(a) - claimed(b) ||
      Date.parse(a.raisedAt) - Date.parse(b.raisedAt),
  );
}

function queueOf(open: readonly AlertView[]): AlertView[] {
  return orderQueue(open.filter(belongsInQueue));
}

/** The HTTP listing shown while the socket connects; ignored once the socket has spoken. */
export function withListing(state: QueueState, open: readonly AlertView[]): QueueState {
  return state.live ? state : { alerts: queueOf(open), live: false };
}

/** A snapshot replaces the queue: it is the server's whole answer as of its `seq`. */
export function withSnapshot(open: readonly AlertView[]): QueueState {
  return { alerts: queueOf(open), live: true };
}

/** A raised or updated alert: added, replaced by id, or dropped once closed; an older copy than the held one is ignored. */
export function withChange(state: QueueState, alert: AlertView): QueueState {
  const held = state.alerts.find((candidate) => candidate.id === alert.id);
  if (held && !isLaterSeq(alert.seq, held.seq)) return state;
  const others = state.alerts.filter((candidate) => candidate.id !== alert.id);
  if (!belongsInQueue(alert)) return held ? { ...state, alerts: others } : state;
  return { ...state, alerts: orderQueue([...others, alert]) };
}

/** Critical alerts nobody has claimed that were not in the queue before: these sound the alarm. */
export function newCriticalAlerts(before: readonly AlertView[], after: readonly AlertView[]): AlertView[] {
  const known = new Set(before.map((alert) => alert.id));
  return after.filter((alert) => alert.severity === 'critical' && alert.claimedBy === null && !known.has(alert.id));
}
