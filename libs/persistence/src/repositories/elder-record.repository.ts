import type { AccessScope } from '@eldercare/domain';
import type { DataSource } from 'typeorm';
import type { EmergencyContact } from '../entities/elder.entity';
import { ELDER_PLACE_JOINS, scopeCondition } from './scope-condition';

/** An elder's whole record, unmasked: the api masks it for the reader's role. */
export interface ElderRecord {
  id: string;
  name: string;
  gender: 'female' | 'male';
  birthDate: string;
  categories: string[];
  idNumber: string | null;
  phone: string | null;
  address: string;
  keySafeCode: string | null;
  medicalNotes: string;
  contacts: EmergencyContact[];
  home: { lat: number; lon: number } | null;
  place: { community: string; street: string | null; district: string | null };
}

export interface DeviceRecord {
  id: string;
  type: string;
  status: string;
  online: boolean;
  lastSeenAt: Date | null;
  battery: number | null;
  retiredAt: Date | null;
}

export interface ReadingRecord {
  deviceId: string;
  kind: string;
  occurredAt: Date;
  body: Record<string, unknown>;
}

/** Elders' records, their devices and what those devices said last. */
export class ElderRecordRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The elder, if the scope covers them. */
  async findInScope(scope: AccessScope, elderId: string): Promise<ElderRecord | undefined> {
    const params: unknown[] = [elderId];
    const [row]: {
      id: string;
      name: string;
      gender: 'female' | 'male';
      birth_date: string;
      categories: string[];
      id_number: string | null;
      phone: string | null;
      address: string;
      key_safe_code: string | null;
      medical_notes: string;
      emergency_contacts: EmergencyContact[];
      home_lat: number | null;
      home_lon: number | null;
      community: string;
      street: string | null;
      district: string | null;
    }[] = await this.dataSource.query(
      `SELECT e.id, e.name, e.gender, to_char(e.birth_date, 'YYYY-MM-DD') AS birth_date, e.categories, e.id_number, e.phone, e.address,
         e.key_safe_code, e.medical_notes, e.emergency_contacts, e.home_lat, e.home_lon, c.name AS community, s.name AS street, d.name AS district
       FROM elders e ${ELDER_PLACE_JOINS}
       WHERE e.id = $1 AND ${scopeCondition(scope, params)}`,
      params,
    );
    return (
      row && {
        id: row.id,
        name: row.name,
        gender: row.gender,
        birthDate: row.birth_date,
        categories: row.categories,
        idNumber: row.id_number,
        phone: row.phone,
        address: row.address,
        keySafeCode: row.key_safe_code,
        medicalNotes: row.medical_notes,
        contacts: row.emergency_contacts,
        home: row.home_lat === null || row.home_lon === null ? null : { lat: row.home_lat, lon: row.home_lon },
        place: { community: row.community, street: row.street, district: row.district },
      }
    );
  }

  async devicesOf(elderId: string): Promise<DeviceRecord[]> {
    const rows: {
      id: string;
      type: string;
      status: string;
      online: boolean;
      last_seen_at: Date | null;
      battery: number | null;
      retired_at: Date | null;
    }[] = await this.dataSource.query(
      `SELECT id, type, status, online, last_seen_at, battery, retired_at FROM devices WHERE elder_id = $1 ORDER BY status, type, id`,
      [elderId],
    );
    return rows.map((row) => ({
      id: row.id,
      type: row.type,
      status: row.status,
      online: row.online,
      lastSeenAt: row.last_seen_at,
      battery: row.battery,
      retiredAt: row.retired_at,
    }));
  }

  /** The latest message of each kind from each of the elder's devices, newest first. */
  async lastReadings(elderId: string, since: Date): Promise<ReadingRecord[]> {
    const rows: { device_id: string; kind: string; occurred_at: Date; body: Record<string, unknown> }[] =
      await this.dataSource.query(
        `SELECT DISTINCT ON (m.device_id, m.kind) m.device_id, m.kind, m.occurred_at, m.body
       FROM devices dev JOIN device_messages m ON m.device_id = dev.id
       WHERE dev.elder_id = $1 AND m.occurred_at >= $2
       ORDER BY m.device_id, m.kind, m.occurred_at DESC`,
        [elderId, since],
      );
    return rows
      .map((row) => ({ deviceId: row.device_id, kind: row.kind, occurredAt: row.occurred_at, body: row.body }))
      .sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime());
  }
}
