import type { AlertStatus, Severity } from '@eldercare/domain';

export type { AlertStatus, Severity };

/** ISO 8601 timestamp with a zone, as sent over HTTP and socket.io. */
export type Timestamp = string;

/** Who did something, by name: never a bare id on screen. */
export interface Actor {
  id: string;
  displayName: string;
}

/** Where an elder lives in the three-level network: 区 > 镇/街道 > 村/社区. */
export interface PlaceView {
  communityId: string;
  community: string;
  street: string;
  district: string;
}

/** An alert as the queue and history show it: nothing in it needs masking. */
export interface AlertView {
  id: string;
  /** Grows with every change of any alert: a console that reconnects asks for what came after the last it saw. */
  seq: string;
  rule: string;
  severity: Severity;
  status: AlertStatus;
  triggerCount: number;
  elder: { id: string; name: string; gender: 'female' | 'male'; age: number; categories: string[] };
  place: PlaceView;
  /** None for an alert no device raised (an unanswered care call). */
  device: { id: string; type: string } | null;
  /** When the device says it happened (the press, the fall). */
  deviceTime: Timestamp;
  receivedAt: Timestamp;
  raisedAt: Timestamp;
  firstShownAt: Timestamp | null;
  acknowledgedAt: Timestamp | null;
  claimedBy: Actor | null;
  resolvedAt: Timestamp | null;
  cancelledAt: Timestamp | null;
  outcome: string | null;
  reason: string | null;
  /** The last escalation step that fired while nobody had claimed it. */
  escalation: 're-notify' | 'supervisors' | null;
  evidence: Record<string, unknown>;
}
