import type {
  AccessScope,
  PlannedVisit,
  ServiceCode,
  VisitExceptionReason,
  VisitExceptionResolution,
  VisitExceptionState,
  WorkOrderStatus,
} from '@eldercare/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { ELDER_PLACE_JOINS, scopeCondition } from './scope-condition';
import { optionalFilters } from './sql-filters';

/** Who is asking for work orders: a scope, narrowed to their own orders for a caregiver. */
export interface WorkOrderReader {
  scope: AccessScope;
  caregiverId?: string;
}

export interface WorkOrderRow {
  id: string;
  seq: string;
  service: ServiceCode;
  status: WorkOrderStatus;
  startsAt: Date;
  minutes: number;
  quantity: number;
  elder: {
    id: string;
    name: string;
    address: string;
    phone: string | null;
    categories: string[];
    home: { lat: number; lon: number } | null;
  };
  place: {
    communityId: string;
    community: string;
    streetId: string | null;
    street: string | null;
    districtId: string | null;
  };
  provider: { id: string; name: string };
  caregiver: { id: string; displayName: string } | null;
  planLineId: string | null;
  sourceAlertId: string | null;
  assignedAt: Date | null;
  acceptedAt: Date | null;
  checkedInAt: Date | null;
  checkInPosition: Record<string, number> | null;
  checkedOutAt: Date | null;
  checkOutPosition: Record<string, number> | null;
  exceptions: VisitExceptionReason[];
  /** The provider's decision on the exceptions, null while open or when there are none. */
  exceptionResolution: {
    resolution: VisitExceptionResolution | null;
    resolvedBy: { id: string; displayName: string } | null;
    resolvedAt: Date | null;
    note: string | null;
  };
  note: string;
  confirmedBy: 'elder' | 'family' | null;
  missedAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  rating: { stars: number; comment: string } | null;
}

export interface WorkOrderSearch {
  from?: Date;
  to?: Date;
  status?: WorkOrderStatus;
  providerId?: string;
  caregiverId?: string;
  elderId?: string;
  /** Where the orders' exceptions stand; `none` is an order without any. */
  exceptions?: VisitExceptionState;
  limit: number;
}

/** What a step of the life cycle decides on, read under the order's row lock. */
export interface LockedWorkOrder {
  status: WorkOrderStatus;
  exceptions: VisitExceptionReason[];
  resolution: VisitExceptionResolution | null;
}

/** An order made by hand, not from a care plan: someone sent now, for an alert or on request. */
export interface NewOneOffWorkOrder {
  elderId: string;
  providerId: string;
  service: ServiceCode;
  startsAt: Date;
  minutes: number;
  quantity: number;
  /** The alert the order answers, if any. */
  sourceAlertId: string | null;
}

/** The fields a step of the life cycle writes. */
export type WorkOrderChange = Partial<{
  status: WorkOrderStatus;
  caregiverId: string | null;
  assignedAt: Date;
  acceptedAt: Date;
  checkedInAt: Date;
  checkInPosition: Record<string, number>;
  checkedOutAt: Date;
  checkOutPosition: Record<string, number>;
  exceptions: VisitExceptionReason[];
  exceptionResolution: VisitExceptionResolution;
  exceptionResolvedBy: string;
  exceptionResolvedAt: Date;
  exceptionNote: string;
  note: string;
  confirmedBy: 'elder' | 'family' | null;
  missedAt: Date;
  missedAlertId: string;
  cancelledAt: Date;
  cancelReason: string;
}>;

const COLUMN_OF: Record<keyof WorkOrderChange, string> = {
  status: 'status',
  caregiverId: 'caregiver_id',
  assignedAt: 'assigned_at',
  acceptedAt: 'accepted_at',
  checkedInAt: 'checked_in_at',
  checkInPosition: 'check_in_position',
  checkedOutAt: 'checked_out_at',
  checkOutPosition: 'check_out_position',
  exceptions: 'exceptions',
  exceptionResolution: 'exception_resolution',
  exceptionResolvedBy: 'exception_resolved_by',
  exceptionResolvedAt: 'exception_resolved_at',
  exceptionNote: 'exception_note',
  note: 'note',
  confirmedBy: 'confirmed_by',
  missedAt: 'missed_at',
  missedAlertId: 'missed_alert_id',
  cancelledAt: 'cancelled_at',
  cancelReason: 'cancel_reason',
};

const SELECT_ORDERS = `
  SELECT w.id, w.seq::text AS seq, w.service, w.status, w.starts_at, w.minutes, w.quantity::float8 AS quantity,
    e.id AS elder_id, e.name AS elder_name, e.address, e.phone, e.categories, e.home_lat, e.home_lon,
    c.id AS community_id, c.name AS community, s.id AS street_id, s.name AS street, d.id AS district_id,
    p.id AS provider_id, p.name AS provider_name, g.id AS caregiver_id, g.display_name AS caregiver_name,
    w.plan_line_id, w.source_alert_id, w.assigned_at, w.accepted_at, w.checked_in_at, w.check_in_position, w.checked_out_at,
    w.check_out_position, w.exceptions, w.exception_resolution, w.exception_resolved_by, x.display_name AS exception_resolver_name,
    w.exception_resolved_at, w.exception_note, w.note, w.confirmed_by, w.missed_at, w.cancelled_at, w.cancel_reason,
    r.stars, r.comment
  FROM work_orders w
  JOIN elders e ON e.id = w.elder_id
  ${ELDER_PLACE_JOINS}
  JOIN providers p ON p.id = w.provider_id
  LEFT JOIN users g ON g.id = w.caregiver_id
  LEFT JOIN users x ON x.id = w.exception_resolved_by
  LEFT JOIN visit_ratings r ON r.work_order_id = w.id`;

interface Row {
  id: string;
  seq: string;
  service: ServiceCode;
  status: WorkOrderStatus;
  starts_at: Date;
  minutes: number;
  quantity: number;
  elder_id: string;
  elder_name: string;
  address: string;
  phone: string | null;
  categories: string[];
  home_lat: number | null;
  home_lon: number | null;
  community_id: string;
  community: string;
  street_id: string | null;
  street: string | null;
  district_id: string | null;
  provider_id: string;
  provider_name: string;
  caregiver_id: string | null;
  caregiver_name: string | null;
  plan_line_id: string | null;
  source_alert_id: string | null;
  assigned_at: Date | null;
  accepted_at: Date | null;
  checked_in_at: Date | null;
  check_in_position: Record<string, number> | null;
  checked_out_at: Date | null;
  check_out_position: Record<string, number> | null;
  exceptions: VisitExceptionReason[];
  exception_resolution: VisitExceptionResolution | null;
  exception_resolved_by: string | null;
  exception_resolver_name: string | null;
  exception_resolved_at: Date | null;
  exception_note: string | null;
  note: string;
  confirmed_by: 'elder' | 'family' | null;
  missed_at: Date | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  stars: number | null;
  comment: string | null;
}

const toRow = (row: Row): WorkOrderRow => ({
  id: row.id,
  seq: row.seq,
  service: row.service,
  status: row.status,
  startsAt: row.starts_at,
  minutes: row.minutes,
  quantity: row.quantity,
  elder: {
    id: row.elder_id,
    name: row.elder_name,
    address: row.address,
    phone: row.phone,
    categories: row.categories,
    home: row.home_lat === null || row.home_lon === null ? null : { lat: row.home_lat, lon: row.home_lon },
  },
  place: {
    communityId: row.community_id,
    community: row.community,
    streetId: row.street_id,
    street: row.street,
    districtId: row.district_id,
  },
  provider: { id: row.provider_id, name: row.provider_name },
  caregiver: row.caregiver_id ? { id: row.caregiver_id, displayName: row.caregiver_name ?? '' } : null,
  planLineId: row.plan_line_id,
  sourceAlertId: row.source_alert_id,
  assignedAt: row.assigned_at,
  acceptedAt: row.accepted_at,
  checkedInAt: row.checked_in_at,
  checkInPosition: row.check_in_position,
  checkedOutAt: row.checked_out_at,
  checkOutPosition: row.check_out_position,
  exceptions: row.exceptions,
  exceptionResolution: {
    resolution: row.exception_resolution,
    resolvedBy: row.exception_resolved_by
      ? { id: row.exception_resolved_by, displayName: row.exception_resolver_name ?? '' }
      : null,
    resolvedAt: row.exception_resolved_at,
    note: row.exception_note,
  },
  note: row.note,
  confirmedBy: row.confirmed_by,
  missedAt: row.missed_at,
  cancelledAt: row.cancelled_at,
  cancelReason: row.cancel_reason,
  rating: row.stars === null ? null : { stars: row.stars, comment: row.comment ?? '' },
});

/** Each state of an order's exceptions as a condition, agreeing with the domain's `visitExceptionState`. */
const EXCEPTION_STATE_CONDITION: Record<VisitExceptionState, string> = {
  none: 'cardinality(w.exceptions) = 0',
  open: 'cardinality(w.exceptions) > 0 AND w.exception_resolution IS NULL',
  approved: `cardinality(w.exceptions) > 0 AND w.exception_resolution = 'approved'`,
  rejected: `cardinality(w.exceptions) > 0 AND w.exception_resolution = 'rejected'`,
};

/** The orders a reader may see: their scope's elders, their provider's orders, or a caregiver's own. */
function readerCondition(reader: WorkOrderReader, params: unknown[]): string {
  if (reader.scope.kind !== 'provider') return scopeCondition(reader.scope, params);
  params.push(reader.scope.providerId);
  const byProvider = `w.provider_id = $${params.length}::uuid`;
  if (reader.caregiverId === undefined) return byProvider;
  params.push(reader.caregiverId);
  return `${byProvider} AND w.caregiver_id = $${params.length}::uuid`;
}

/** Work orders: made from plans (once per visit key), changed one step at a time under a row lock. */
export class WorkOrderRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores the planned visits not stored before; answers how many were new. */
  async insertPlanned(visits: readonly (PlannedVisit & { elderId: string })[]): Promise<number> {
    if (visits.length === 0) return 0;
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO work_orders (visit_key, plan_line_id, elder_id, provider_id, service, starts_at, minutes, quantity)
       SELECT * FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::timestamptz[], $7::int[], $8::numeric[])
       ON CONFLICT (visit_key) DO NOTHING
       RETURNING id`,
      [
        visits.map((visit) => visit.key),
        visits.map((visit) => visit.planLineId),
        visits.map((visit) => visit.elderId),
        visits.map((visit) => visit.providerId),
        visits.map((visit) => visit.service),
        visits.map((visit) => new Date(visit.startsAt)),
        visits.map((visit) => visit.minutes),
        visits.map((visit) => visit.quantity),
      ],
    );
    return inserted.length;
  }

  /** Stores the order, in the caller's transaction when given one (a delivered meal's order is stored with it). */
  async insertOneOff(order: NewOneOffWorkOrder, manager: EntityManager = this.dataSource.manager): Promise<string> {
    const [{ id }]: { id: string }[] = await manager.query(
      `INSERT INTO work_orders (elder_id, provider_id, service, starts_at, minutes, quantity, source_alert_id) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        order.elderId,
        order.providerId,
        order.service,
        order.startsAt,
        order.minutes,
        order.quantity,
        order.sourceAlertId,
      ],
    );
    return id;
  }

  async findFor(reader: WorkOrderReader, id: string): Promise<WorkOrderRow | undefined> {
    const params: unknown[] = [id];
    const [row]: Row[] = await this.dataSource.query(
      `${SELECT_ORDERS} WHERE w.id = $1 AND ${readerCondition(reader, params)}`,
      params,
    );
    return row && toRow(row);
  }

  /** For announcements, which go to every room the order concerns: no scope applies. */
  async findForAnnouncement(id: string): Promise<WorkOrderRow | undefined> {
    return this.findFor({ scope: { kind: 'city' } }, id);
  }

  async search(reader: WorkOrderReader, search: WorkOrderSearch): Promise<WorkOrderRow[]> {
    const params: unknown[] = [];
    const where = [readerCondition(reader, params)];
    const add = optionalFilters(params, where);
    add(search.from, (p) => `w.starts_at >= ${p}`);
    add(search.to, (p) => `w.starts_at < ${p}`);
    add(search.status, (p) => `w.status = ${p}`);
    add(search.providerId, (p) => `w.provider_id = ${p}::uuid`);
    add(search.caregiverId, (p) => `w.caregiver_id = ${p}::uuid`);
    add(search.elderId, (p) => `w.elder_id = ${p}::uuid`);
    if (search.exceptions) where.push(EXCEPTION_STATE_CONDITION[search.exceptions]);
    params.push(search.limit);
    const rows: Row[] = await this.dataSource.query(
      `${SELECT_ORDERS} WHERE ${where.join(' AND ')} ORDER BY w.starts_at, w.id LIMIT $${params.length}`,
      params,
    );
    return rows.map(toRow);
  }

  /** The elder's orders starting in `[from, to)`, for the month's account. */
  async ordersOfElder(
    elderId: string,
    from: Date,
    to: Date,
  ): Promise<
    {
      service: ServiceCode;
      quantity: number;
      status: WorkOrderStatus;
      exceptions: VisitExceptionReason[];
      resolution: VisitExceptionResolution | null;
    }[]
  > {
    return this.dataSource.query(
      `SELECT service, quantity::float8 AS quantity, status, exceptions, exception_resolution AS resolution
       FROM work_orders WHERE elder_id = $1 AND starts_at >= $2 AND starts_at < $3`,
      [elderId, from, to],
    );
  }

  /**
   * Runs `work` holding the order's row lock, so two steps on one order happen one after the other; `work` gets what
   * the order is now (undefined when there is no such order).
   */
  inOrderTransaction<T>(
    id: string,
    work: (manager: EntityManager, order: LockedWorkOrder | undefined) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const [row]: LockedWorkOrder[] = await manager.query(
        'SELECT status, exceptions, exception_resolution AS resolution FROM work_orders WHERE id = $1 FOR UPDATE',
        [id],
      );
      return work(manager, row);
    });
  }

  async apply(manager: EntityManager, id: string, change: WorkOrderChange): Promise<void> {
    const entries = Object.entries(change) as [keyof WorkOrderChange, unknown][];
    if (entries.length === 0) return;
    const sets = entries.map(([key], index) => `${COLUMN_OF[key]} = $${index + 2}`);
    // Positions go to jsonb as JSON; arrays (text[] columns) and dates are the driver's to convert.
    const values = entries.map(([, value]) =>
      value !== null && typeof value === 'object' && !(value instanceof Date) && !Array.isArray(value)
        ? JSON.stringify(value)
        : value,
    );
    await manager.query(`UPDATE work_orders SET ${sets.join(', ')} WHERE id = $1`, [id, ...values]);
  }

  /**
   * Marks missed every open order whose check-in window closed before `now`, in one statement, so each is marked
   * once whatever runs the sweep; answers the orders marked, with what raising their alerts needs.
   */
  async markMissed(
    manager: EntityManager,
    now: Date,
    lateAfterMinutes: number,
  ): Promise<
    { id: string; elderId: string; categories: string[]; service: ServiceCode; startsAt: Date; providerName: string }[]
  > {
    const [rows]: [
      {
        id: string;
        elder_id: string;
        categories: string[];
        service: ServiceCode;
        starts_at: Date;
        provider_name: string;
      }[],
      number,
    ] = await manager.query(
      `UPDATE work_orders w SET status = 'missed', missed_at = $1
       FROM elders e, providers p
       WHERE e.id = w.elder_id AND p.id = w.provider_id
         AND w.status IN ('created', 'assigned', 'accepted') AND w.starts_at + make_interval(mins => $2) <= $1
       RETURNING w.id, w.elder_id, e.categories, w.service, w.starts_at, p.name AS provider_name`,
      [now, lateAfterMinutes],
    );
    return rows.map((row) => ({
      id: row.id,
      elderId: row.elder_id,
      categories: row.categories,
      service: row.service,
      startsAt: row.starts_at,
      providerName: row.provider_name,
    }));
  }

  inTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
