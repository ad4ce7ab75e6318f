import type { EmergencyContact, PersonalField } from '@eldercare/domain';
import type { Actor, AlertView, Timestamp } from './alert-view';

/**
 * One emergency contact, in the order they are to be called. The phone is masked (`138****5678`) for a role that
 * does not need to call.
 */
export type ContactView = EmergencyContact;

/**
 * An elder's record as a role may see it. Fields the role does not need are masked (`4201**********1234`), and
 * `masked` lists which. The birth date goes with the ID number (which holds it): a role that does not see the one
 * gets neither, only the age. Masked medical notes are left out whole.
 */
export interface ElderCard {
  id: string;
  name: string;
  gender: 'female' | 'male';
  /** YYYY-MM-DD; null when masked. */
  birthDate: string | null;
  age: number;
  categories: string[];
  idNumber: string;
  phone: string;
  address: string;
  keySafeCode: string | null;
  /** Null when masked. */
  medicalNotes: string | null;
  contacts: ContactView[];
  /** Home position, for the map and visit checks. */
  home: { lat: number; lon: number } | null;
  place: { community: string; street: string; district: string };
  masked: PersonalField[];
}

export interface DeviceView {
  id: string;
  type: string;
  online: boolean;
  lastSeenAt: Timestamp | null;
  battery: number | null;
  retiredAt: Timestamp | null;
}

export interface ReadingView {
  deviceId: string;
  type: string;
  at: Timestamp;
  data: Record<string, unknown>;
}

export interface CallLogEntry {
  id: string;
  at: Timestamp;
  by: Actor;
  /** Who was called: the elder, or a contact by name. */
  callee: string;
  phone: string;
  answered: boolean;
  note: string;
}

export const DISPATCH_KINDS = ['responder', 'caregiver', 'family', 'ambulance'] as const;
export type DispatchKind = (typeof DISPATCH_KINDS)[number];

export interface DispatchEntry {
  id: string;
  at: Timestamp;
  by: Actor;
  kind: DispatchKind;
  /** Who was sent, in words: a name, a team, 120. */
  to: string;
  note: string;
}

export type TimelineKind =
  | 'device-time'
  | 'received'
  | 'raised'
  | 'first-shown'
  | 'escalated'
  | 'acknowledged'
  | 'call'
  | 'dispatch'
  | 'cancelled-by-elder'
  | 'resolved';

/** One moment of the alert, from the device's press to resolution, in time order. */
export interface TimelineEntry {
  at: Timestamp;
  kind: TimelineKind;
  by: Actor | null;
  detail: string | null;
}

/** Everything an operator needs to work one alert. Reading it is written to the audit log. */
export interface AlertCase {
  alert: AlertView;
  elder: ElderCard;
  devices: DeviceView[];
  lastReadings: ReadingView[];
  lastPosition: { lat: number; lon: number; accuracyM: number | null; at: Timestamp } | null;
  calls: CallLogEntry[];
  dispatches: DispatchEntry[];
  timeline: TimelineEntry[];
}
