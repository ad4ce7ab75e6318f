import type { AccessScope, VolunteerRequestStatus, VolunteerService } from '@eldercare/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { ELDER_PLACE_JOINS, scopeCondition } from './scope-condition';
import { optionalFilters } from './sql-filters';

/** Who asks for requests: a scope over elders, or a volunteer (their own, and the open ones of their district). */
export type VolunteerRequestReader =
  { kind: 'scope'; scope: AccessScope } | { kind: 'volunteer'; volunteerId: string; districtId: string | null };

export interface VolunteerRequestRow {
  id: string;
  service: VolunteerService;
  status: VolunteerRequestStatus;
  startsAt: Date;
  minutes: number;
  note: string;
  payer: string;
  elder: {
    id: string;
    name: string;
    address: string;
    phone: string | null;
    home: { lat: number; lon: number } | null;
  };
  place: { communityId: string; community: string; streetId: string | null; districtId: string | null };
  requestedBy: string;
  requestedAt: Date;
  volunteer: { id: string; name: string } | null;
  takenAt: Date | null;
  checkedInAt: Date | null;
  checkedOutAt: Date | null;
  visitNote: string | null;
  servedMinutes: number | null;
  confirmedBy: string | null;
  confirmedAt: Date | null;
  disputeReason: string | null;
  resolutionNote: string | null;
  closedAt: Date | null;
  closeReason: string | null;
}

export interface NewVolunteerRequest {
  elderId: string;
  service: VolunteerService;
  startsAt: Date;
  minutes: number;
  note: string;
  payer: string;
  requestedBy: string;
}

/** The fields a step of a request's life writes. */
export type VolunteerRequestChange = Partial<{
  status: VolunteerRequestStatus;
  volunteerId: string;
  takenAt: Date;
  checkedInAt: Date;
  checkInPosition: Record<string, number>;
  checkedOutAt: Date;
  checkOutPosition: Record<string, number>;
  visitNote: string;
  servedMinutes: number;
  confirmedBy: string;
  confirmedAt: Date;
  disputedBy: string;
  disputedAt: Date;
  disputeReason: string;
  resolvedBy: string;
  resolvedAt: Date;
  resolutionNote: string;
  closedAt: Date;
  closeReason: string;
}>;

const COLUMN_OF: Record<keyof VolunteerRequestChange, string> = {
  status: 'status',
  volunteerId: 'volunteer_id',
  takenAt: 'taken_at',
  checkedInAt: 'checked_in_at',
  checkInPosition: 'check_in_position',
  checkedOutAt: 'checked_out_at',
  checkOutPosition: 'check_out_position',
  visitNote: 'visit_note',
  servedMinutes: 'served_minutes',
  confirmedBy: 'confirmed_by',
  confirmedAt: 'confirmed_at',
  disputedBy: 'disputed_by',
  disputedAt: 'disputed_at',
  disputeReason: 'dispute_reason',
  resolvedBy: 'resolved_by',
  resolvedAt: 'resolved_at',
  resolutionNote: 'resolution_note',
  closedAt: 'closed_at',
  closeReason: 'close_reason',
};

/** What a step decides on, read under the request's row lock. */
export interface LockedVolunteerRequest {
  id: string;
  status: VolunteerRequestStatus;
  payer: string;
  minutes: number;
  volunteerId: string | null;
  startsAt: Date;
  checkedInAt: Date | null;
}

const SELECT_REQUESTS = `
  SELECT q.id, q.service, q.status, q.starts_at, q.minutes, q.note, q.payer,
    e.id AS elder_id, e.name AS elder_name, e.address, e.phone, e.home_lat, e.home_lon,
    c.id AS community_id, c.name AS community, s.id AS street_id, d.id AS district_id,
    rq.display_name AS requested_by, q.requested_at, v.id AS volunteer_id, v.name AS volunteer_name, q.taken_at,
    q.checked_in_at, q.checked_out_at, q.visit_note, q.served_minutes, cf.display_name AS confirmed_by, q.confirmed_at,
    q.dispute_reason, q.resolution_note, q.closed_at, q.close_reason
  FROM volunteer_requests q
  JOIN elders e ON e.id = q.elder_id
  ${ELDER_PLACE_JOINS}
  JOIN users rq ON rq.id = q.requested_by
  LEFT JOIN volunteers v ON v.id = q.volunteer_id
  LEFT JOIN users cf ON cf.id = q.confirmed_by`;

interface Row {
  id: string;
  service: VolunteerService;
  status: VolunteerRequestStatus;
  starts_at: Date;
  minutes: number;
  note: string;
  payer: string;
  elder_id: string;
  elder_name: string;
  address: string;
  phone: string | null;
  home_lat: number | null;
  home_lon: number | null;
  community_id: string;
  community: string;
  street_id: string | null;
  district_id: string | null;
  requested_by: string;
  requested_at: Date;
  volunteer_id: string | null;
  volunteer_name: string | null;
  taken_at: Date | null;
  checked_in_at: Date | null;
  checked_out_at: Date | null;
  visit_note: string | null;
  served_minutes: number | null;
  confirmed_by: string | null;
  confirmed_at: Date | null;
  dispute_reason: string | null;
  resolution_note: string | null;
  closed_at: Date | null;
  close_reason: string | null;
}

const toRow = (row: Row): VolunteerRequestRow => ({
  id: row.id,
  service: row.service,
  status: row.status,
  startsAt: row.starts_at,
  minutes: row.minutes,
  note: row.note,
  payer: row.payer,
  elder: {
    id: row.elder_id,
    name: row.elder_name,
    address: row.address,
    phone: row.phone,
    home: row.home_lat === null || row.home_lon === null ? null : { lat: row.home_lat, lon: row.home_lon },
  },
  place: {
    communityId: row.community_id,
    community: row.community,
    streetId: row.street_id,
    districtId: row.district_id,
  },
  requestedBy: row.requested_by,
  requestedAt: row.requested_at,
  volunteer: row.volunteer_id ? { id: row.volunteer_id, name: row.volunteer_name ?? '' } : null,
  takenAt: row.taken_at,
  checkedInAt: row.checked_in_at,
  checkedOutAt: row.checked_out_at,
  visitNote: row.visit_note,
  servedMinutes: row.served_minutes,
  confirmedBy: row.confirmed_by,
  confirmedAt: row.confirmed_at,
  disputeReason: row.dispute_reason,
  resolutionNote: row.resolution_note,
  closedAt: row.closed_at,
  closeReason: row.close_reason,
});

function readerCondition(reader: VolunteerRequestReader, params: unknown[]): string {
  if (reader.kind === 'scope') return scopeCondition(reader.scope, params);
  params.push(reader.volunteerId);
  const own = `q.volunteer_id = $${params.length}::uuid`;
  if (!reader.districtId) return own;
  params.push(reader.districtId);
  return `(${own} OR (q.status = 'open' AND d.id = $${params.length}::uuid))`;
}

/** Requests for volunteers' help, changed one step at a time under the request's row lock. */
export class VolunteerRequestRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, request: NewVolunteerRequest): Promise<string> {
    const [{ id }]: { id: string }[] = await manager.query(
      `INSERT INTO volunteer_requests (elder_id, service, starts_at, minutes, note, payer, requested_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        request.elderId,
        request.service,
        request.startsAt,
        request.minutes,
        request.note,
        request.payer,
        request.requestedBy,
      ],
    );
    return id;
  }

  async findFor(reader: VolunteerRequestReader, id: string): Promise<VolunteerRequestRow | undefined> {
    const params: unknown[] = [id];
    const [row]: Row[] = await this.dataSource.query(
      `${SELECT_REQUESTS} WHERE q.id = $1 AND ${readerCondition(reader, params)}`,
      params,
    );
    return row && toRow(row);
  }

  async search(
    reader: VolunteerRequestReader,
    search: { status?: VolunteerRequestStatus; elderId?: string; limit: number },
  ): Promise<VolunteerRequestRow[]> {
    const params: unknown[] = [];
    const where = [readerCondition(reader, params)];
    const add = optionalFilters(params, where);
    add(search.status, (p) => `q.status = ${p}`);
    add(search.elderId, (p) => `q.elder_id = ${p}::uuid`);
    params.push(search.limit);
    const rows: Row[] = await this.dataSource.query(
      `${SELECT_REQUESTS} WHERE ${where.join(' AND ')} ORDER BY q.starts_at DESC, q.id LIMIT $${params.length}`,
      params,
    );
    return rows.map(toRow);
  }

  inTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Runs `work` holding the request's row lock, with what the request is now (undefined when there is none). */
  inRequestTransaction<T>(
    id: string,
    work: (manager: EntityManager, request: LockedVolunteerRequest | undefined) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const [row]: LockedVolunteerRequest[] = await manager.query(
        `SELECT id, status, payer, minutes, volunteer_id AS "volunteerId", starts_at AS "startsAt", checked_in_at AS "checkedInAt"
         FROM volunteer_requests WHERE id = $1 FOR UPDATE`,
        [id],
      );
      return work(manager, row);
    });
  }

  async apply(manager: EntityManager, id: string, change: VolunteerRequestChange): Promise<void> {
    const entries = Object.entries(change) as [keyof VolunteerRequestChange, unknown][];
    if (entries.length === 0) return;
    const sets = entries.map(([key], index) => `${COLUMN_OF[key]} = $${index + 2}`);
    const values = entries.map(([, value]) =>
      value !== null && typeof value === 'object' && !(value instanceof Date) ? JSON.stringify(value) : value,
    );
    await manager.query(`UPDATE volunteer_requests SET ${sets.join(', ')} WHERE id = $1`, [id, ...values]);
  }

  /** The ids of requests nobody checked in to whose wait has passed, oldest first. */
  async abandonedIds(now: Date, abandonAfterHours: number, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM volunteer_requests
       WHERE status IN ('open', 'taken') AND starts_at <= $1::timestamptz - make_interval(hours => $2)
       ORDER BY starts_at LIMIT $3`,
      [now, abandonAfterHours, limit],
    );
    return rows.map((row) => row.id);
  }
}
