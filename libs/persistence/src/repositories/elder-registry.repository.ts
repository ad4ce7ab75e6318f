import type { AccessScope, ElderFields } from '@eldercare/domain';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { RegionLevel } from '../entities/region.entity';
import { ELDER_PLACE_JOINS, scopeCondition } from './scope-condition';
import { containing, optionalFilters } from './sql-filters';

/** An elder's record as written by a person: every field of it, the community by id. */
export type ElderWrite = ElderFields;

export interface ElderSearch {
  /** A part of the name. */
  name?: string;
  /** A region at any level: the elders in it and below it. */
  regionId?: string;
  category?: string;
  offset: number;
  limit: number;
}

/** An elder as a list shows them, unmasked: the api masks it for the reader's role. */
export interface ElderSummaryRecord {
  id: string;
  name: string;
  gender: 'female' | 'male';
  birthDate: string;
  categories: string[];
  phone: string | null;
  place: { communityId: string; community: string; street: string | null; district: string | null };
  /** Active devices only. */
  devices: { id: string; type: string; online: boolean; battery: number | null }[];
  openAlerts: number;
}

/** A region a writer may place elders in. */
export interface WritableRegion {
  id: string;
  code: string;
  level: RegionLevel;
}

/** The statuses of an alert still on the queue, as `AlertViewRepository.findOpen` reads them. */
const OPEN_ALERT_STATUSES = `('raised', 'acknowledged', 'cancelled-by-elder')`;

/**
 * Serialises the writes of elders' records, so that two writers cannot both find an ID number free and both take
 * it (the column has no unique index). Writes of records are rare; reads never take it.
 */
const REGISTRY_WRITE_LOCK = 0x656c6472; // 'eldr'

/** The civil-affairs registry of elders as people keep it: searched page by page, written one by one or by import. */
export class ElderRegistryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A page of the elders the scope covers, by name, with the number of all that match. */
  async search(scope: AccessScope, search: ElderSearch): Promise<{ elders: ElderSummaryRecord[]; total: number }> {
    const params: unknown[] = [];
    const conditions = [scopeCondition(scope, params)];
    const add = optionalFilters(params, conditions);
    add(search.name === undefined ? undefined : containing(search.name), (p) => `e.name LIKE ${p}`);
    add(search.regionId, (p) => `${p}::uuid IN (c.id, s.id, d.id)`);
    add(search.category, (p) => `${p} = ANY(e.categories)`);
    const where = conditions.join(' AND ');
    const page = [...params, search.offset, search.limit];
    const [rows, [{ total }]]: [
      {
        id: string;
        name: string;
        gender: 'female' | 'male';
        birth_date: string;
        categories: string[];
        phone: string | null;
        community_id: string;
        community: string;
        street: string | null;
        district: string | null;
        devices: ElderSummaryRecord['devices'];
        open_alerts: number;
      }[],
      { total: number }[],
    ] = await Promise.all([
      this.dataSource.query(
        `SELECT e.id, e.name, e.gender, to_char(e.birth_date, 'YYYY-MM-DD') AS birth_date, e.categories, e.phone,
           c.id AS community_id, c.name AS community, s.name AS street, d.name AS district,
           COALESCE((SELECT json_agg(json_build_object('id', dev.id, 'type', dev.type, 'online', dev.online, 'battery', dev.battery) ORDER BY dev.type, dev.id)
                     FROM devices dev WHERE dev.elder_id = e.id AND dev.status = 'active'), '[]') AS devices,
           (SELECT count(*)::int FROM alerts a WHERE a.elder_id = e.id AND a.status IN ${OPEN_ALERT_STATUSES}) AS open_alerts
         FROM elders e ${ELDER_PLACE_JOINS}
         WHERE ${where}
         ORDER BY e.name, e.id
         OFFSET $${page.length - 1} LIMIT $${page.length}`,
        page,
      ),
      this.dataSource.query(`SELECT count(*)::int AS total FROM elders e ${ELDER_PLACE_JOINS} WHERE ${where}`, params),
    ]);
    return {
      total,
      elders: rows.map((row) => ({
        id: row.id,
        name: row.name,
        gender: row.gender,
        birthDate: row.birth_date,
        categories: row.categories,
        phone: row.phone,
        place: { communityId: row.community_id, community: row.community, street: row.street, district: row.district },
        devices: row.devices,
        openAlerts: row.open_alerts,
      })),
    };
  }

  /**
   * The regions among those named (by id or by code) that the scope covers, at any level: a writer may place an
   * elder only there. Families and providers cover no region.
   */
  async regionsInScope(scope: AccessScope, named: { ids?: string[]; codes?: string[] }): Promise<WritableRegion[]> {
    if (scope.kind !== 'city' && scope.kind !== 'regions') return [];
    const params: unknown[] = [named.ids ?? [], named.codes ?? []];
    const rows: WritableRegion[] = await this.dataSource.query(
      `SELECT c.id, c.code, c.level
       FROM regions c LEFT JOIN regions s ON s.id = c.parent_id LEFT JOIN regions d ON d.id = s.parent_id
       WHERE (c.id = ANY($1::uuid[]) OR c.code = ANY($2::text[])) AND ${scopeCondition(scope, params)}`,
      params,
    );
    return rows;
  }

  /** Runs `work` in one transaction holding the registry's write lock: all of it is written, or none. */
  async inWriteTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [REGISTRY_WRITE_LOCK]);
      return work(manager);
    });
  }

  /** Which of these ID numbers are already on the record of an elder (other than `exceptElderId`). */
  async registeredIdNumbers(manager: EntityManager, idNumbers: string[], exceptElderId?: string): Promise<Set<string>> {
    const rows: { id_number: string }[] = await manager.query(
      `SELECT DISTINCT e.id_number FROM elders e JOIN unnest($1::text[]) AS wanted(id_number) ON wanted.id_number = e.id_number
       WHERE $2::uuid IS NULL OR e.id <> $2`,
      [idNumbers, exceptElderId ?? null],
    );
    return new Set(rows.map((row) => row.id_number));
  }

  /** Inserts the elders in one statement, whatever their number; returns their new ids in the same order. */
  async insert(manager: EntityManager, elders: ElderWrite[]): Promise<string[]> {
    const ids = elders.map(() => randomUUID());
    await manager.query(
      `INSERT INTO elders (id, name, gender, birth_date, categories, community_id, address, id_number, phone, key_safe_code, medical_notes, emergency_contacts, home_lat, home_lon)
       SELECT r.id, r.name, r.gender, r.birth_date, r.categories, r.community_id, r.address, r.id_number, r.phone, r.key_safe_code, r.medical_notes, r.contacts, r.home_lat, r.home_lon
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, name text, gender text, birth_date date, categories text[], community_id uuid, address text, id_number text,
         phone text, key_safe_code text, medical_notes text, contacts jsonb, home_lat double precision, home_lon double precision)`,
      [JSON.stringify(elders.map((elder, index) => ({ id: ids[index], ...toColumns(elder) })))],
    );
    return ids;
  }

  /**
   * Replaces every field a person writes; rule settings, devices and alerts stay as they are. Returns the names of
   * the fields that changed (never their values: the audit log keeps who changed what, not the personal data).
   */
  async update(manager: EntityManager, elderId: string, elder: ElderWrite): Promise<string[]> {
    const columns = toColumns(elder);
    const [[row]]: [{ changed: string[] }[], number] = await manager.query(
      `UPDATE elders e SET name = $2, gender = $3, birth_date = $4, categories = $5, community_id = $6, address = $7, id_number = $8, phone = $9,
         key_safe_code = $10, medical_notes = $11, emergency_contacts = $12, home_lat = $13, home_lon = $14
       FROM elders old
       WHERE e.id = $1 AND old.id = e.id
       RETURNING array_remove(ARRAY[
         CASE WHEN old.name IS DISTINCT FROM e.name THEN 'name' END,
         CASE WHEN old.gender IS DISTINCT FROM e.gender THEN 'gender' END,
         CASE WHEN old.birth_date IS DISTINCT FROM e.birth_date THEN 'birthDate' END,
         CASE WHEN old.id_number IS DISTINCT FROM e.id_number THEN 'idNumber' END,
         CASE WHEN old.phone IS DISTINCT FROM e.phone THEN 'phone' END,
         CASE WHEN old.address IS DISTINCT FROM e.address THEN 'address' END,
         CASE WHEN old.community_id IS DISTINCT FROM e.community_id THEN 'communityId' END,
         CASE WHEN old.categories IS DISTINCT FROM e.categories THEN 'categories' END,
         CASE WHEN old.medical_notes IS DISTINCT FROM e.medical_notes THEN 'medicalNotes' END,
         CASE WHEN old.emergency_contacts IS DISTINCT FROM e.emergency_contacts THEN 'contacts' END,
         CASE WHEN old.key_safe_code IS DISTINCT FROM e.key_safe_code THEN 'keySafeCode' END,
         CASE WHEN (old.home_lat, old.home_lon) IS DISTINCT FROM (e.home_lat, e.home_lon) THEN 'home' END
       ], NULL) AS changed`,
      [
        elderId,
        columns.name,
        columns.gender,
        columns.birth_date,
        columns.categories,
        columns.community_id,
        columns.address,
        columns.id_number,
        columns.phone,
        columns.key_safe_code,
        columns.medical_notes,
        JSON.stringify(columns.contacts),
        columns.home_lat,
        columns.home_lon,
      ],
    );
    return row?.changed ?? [];
  }
}

function toColumns(elder: ElderWrite) {
  return {
    name: elder.name,
    gender: elder.gender,
    birth_date: elder.birthDate,
    categories: elder.categories,
    community_id: elder.communityId,
    address: elder.address,
    id_number: elder.idNumber,
    phone: elder.phone === '' ? null : elder.phone,
    key_safe_code: elder.keySafeCode,
    medical_notes: elder.medicalNotes,
    contacts: elder.contacts.map(({ name, relation, phone }) => ({ name, relation, phone })),
    home_lat: elder.home?.lat ?? null,
    home_lon: elder.home?.lon ?? null,
  };
}
