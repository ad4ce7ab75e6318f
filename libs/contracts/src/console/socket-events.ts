import type { AlertView } from './alert-view';
import type { WorkOrderView } from './home-care';

/**
 * Live events of the console, one style: `area.verb`.
 * STORED OUTSIDE THE CODE: consoles in the field listen for these names. Never rename one.
 */
export interface ServerToClientEvents {
  /** A new alert in the listener's scope. */
  'alert.raised': (alert: AlertView) => void;
  /** Any change of an alert: merged, escalated, claimed, resolved, cancelled by the elder. */
  'alert.updated': (alert: AlertView) => void;
  /**
   * Sent once on every connect: the open alerts in scope, and every alert (open or closed) changed after the
   * `since` the client sent, so a console that was away misses nothing.
   */
  'alert.snapshot': (snapshot: AlertSnapshot) => void;
  /** A work order changed: assigned, accepted, checked in or out, missed, cancelled. */
  'work-order.updated': (order: WorkOrderView) => void;
}

export interface AlertSnapshot {
  open: AlertView[];
  changedSince: AlertView[];
  /** The highest `seq` the snapshot covers: the next `since`. */
  seq: string;
}

/** Clients send nothing over the socket: every action is a REST call, checked and audited there. */
export type ClientToServerEvents = Record<string, never>;

/** What a client sends when it connects (`io({ auth })`): the last `seq` it saw, or none. */
export interface SocketHandshake {
  since?: string;
}
