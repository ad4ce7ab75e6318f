import type { ElderFields } from '@eldercare/domain';
import type { DeviceType } from '@eldercare/protocol';
import type { Actor, Timestamp } from './alert-view';
import type { DeviceView } from './alert-case';
import type { Role } from './roles';

/**
 * The registry as the console reads and writes it.
 *
 * GET  /api/elders?q=&regionId=&category=&offset=&limit=   → ElderPage (masked as the role requires; not audited:
 *      a list holds no record, opening one does)
 * GET  /api/elders/:id                                     → ElderCard (audited)
 * POST /api/elders            ElderInput                   → ElderCard (201)
 * PUT  /api/elders/:id        ElderInput                   → ElderCard
 * POST /api/elders/import     text/csv, header row of ELDER_CSV_COLUMNS → ImportReport; nothing is imported unless
 *      every row is valid (200 with `imported` > 0, or 422 with the errors)
 * GET  /api/devices?elderId=&regionId=&status=&type=&offset=&limit= → DevicePage
 * POST /api/devices           DeviceInput                  → RegisteredDevice (201; the secret is shown this once)
 * POST /api/devices/:id/retire                             → 204
 * GET  /api/users                                          → UserView[] (admin)
 * POST /api/users             UserInput                    → UserView (201, admin)
 * POST /api/users/:id/disable                              → 204 (admin; their sessions and live sockets end)
 * GET  /api/audit?elderId=&userId=&before=&limit=          → AuditEntryView[] (supervisor, admin)
 */
export interface ElderSummary {
  id: string;
  name: string;
  gender: 'female' | 'male';
  age: number;
  categories: string[];
  /** Masked for a role that does not need it. */
  phone: string;
  place: { communityId: string; community: string; street: string; district: string };
  devices: Array<Pick<DeviceView, 'id' | 'type' | 'online' | 'battery'>>;
  openAlerts: number;
}

export interface ElderPage {
  elders: ElderSummary[];
  total: number;
}

/**
 * An elder's record as the console writes it: the domain's fields (the resident ID number's check character
 * verified, the community one in the writer's scope, categories codes of ELDER_CATEGORIES).
 */
export type ElderInput = ElderFields;

/** Columns of an elder import, in this order; `contacts` is `name|relation|phone;name|relation|phone`. */
export const ELDER_CSV_COLUMNS = [
  'name',
  'gender',
  'birthDate',
  'idNumber',
  'phone',
  'address',
  'communityCode',
  'categories',
  'medicalNotes',
  'contacts',
  'keySafeCode',
  'homeLat',
  'homeLon',
] as const;

export interface ImportProblem {
  /** 1-based line of the file, the header being line 1. */
  line: number;
  column: string;
  message: string;
}

export interface ImportReport {
  imported: number;
  problems: ImportProblem[];
}

export interface DeviceListItem extends DeviceView {
  status: 'active' | 'retired';
  elder: { id: string; name: string } | null;
  registeredAt: Timestamp;
}

export interface DevicePage {
  devices: DeviceListItem[];
  total: number;
}

export interface DeviceInput {
  id: string;
  type: DeviceType;
  elderId: string;
}

export interface RegisteredDevice {
  deviceId: string;
  /** Shown once: the installer writes it into the device. Only its hash is kept. */
  secret: string;
}

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  regionIds: string[];
  elderIds: string[];
  providerId: string | null;
  disabled: boolean;
  createdAt: Timestamp;
}

export interface UserInput {
  username: string;
  displayName: string;
  /** At least 10 characters. */
  password: string;
  role: Role;
  regionIds: string[];
  elderIds: string[];
  /** Provider admins and caregivers: the provider they work for (GET /api/providers). */
  providerId?: string | null;
}

export interface AuditEntryView {
  id: string;
  at: Timestamp;
  user: Actor;
  action: string;
  elder: { id: string; name: string } | null;
  subject: string;
  detail: Record<string, unknown>;
}
