import type {
  BookingPayer,
  BookingPayment,
  BookingStatus,
  ServiceCode,
  ServiceOffer,
  TakenTime,
  VisitConfirmation,
  WorkOrderStatus,
} from '@eldercare/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { plannedUnderEntitlementLock } from './entitlement-lock';
import { ELDER_PLACE_JOINS, scopeCondition } from './scope-condition';
import { optionalFilters } from './sql-filters';
import type { WorkOrderReader } from './work-order.repository';

export interface OfferRecord extends ServiceOffer {
  id: string;
  provider: { id: string; name: string };
  active: boolean;
}

/** A booking with what its views need: its offer's service, the elder, the holder of its time, its visit's status. */
export interface BookingRow {
  id: string;
  offerId: string;
  service: ServiceCode;
  provider: { id: string; name: string };
  elder: { id: string; name: string };
  workOrder: { id: string; status: WorkOrderStatus };
  startsAt: Date;
  endsAt: Date;
  caregiver: { id: string; displayName: string } | null;
  place: number | null;
  status: BookingStatus;
  paidBy: BookingPayer;
  priceCents: number;
  selfPayCents: number;
  cancelCutoffAt: Date;
  lateChargeCents: number;
  cancelChargeCents: number | null;
  cancelledAt: Date | null;
  visitCode: string;
  bookedBy: { id: string; displayName: string; role: string };
  confirmation: VisitConfirmation | null;
  confirmedAt: Date | null;
  complaintId: string | null;
  createdAt: Date;
}

export interface NewBooking {
  offerId: string;
  providerId: string;
  elderId: string;
  service: ServiceCode;
  startsAt: Date;
  endsAt: Date;
  minutes: number;
  quantity: number;
  /** Exactly one of the two holds the time. */
  caregiverId: string | null;
  place: number | null;
  priceCents: number;
  /** The local month the booking counts in, against the elder's entitlement of the service. */
  month: { from: Date; to: Date };
  /** Who pays, decided on what is planned of the service in the month, read under the elder's entitlement lock. */
  payment: (planned: number) => BookingPayment;
  cancelCutoffAt: Date;
  lateChargeCents: number;
  visitCode: string;
  bookedBy: string;
}

/** A booking just stored, with the work order stored with it, that order's `seq`, and who pays. */
export interface StoredBooking extends BookingPayment {
  id: string;
  workOrderId: string;
  workOrderSeq: string;
}

export interface BookingSearch {
  elderId?: string;
  providerId?: string;
  from?: Date;
  to?: Date;
  limit: number;
}

/** What a change of a booking decides on, read under the booking's row lock. */
export interface LockedBooking {
  status: BookingStatus;
  workOrderId: string;
  workOrderStatus: WorkOrderStatus;
  confirmation: VisitConfirmation | null;
}

/** Rolls back a booking's transaction (its work order with it) when its time was taken. */
class TimeTaken extends Error {}

const SELECT_OFFERS = `
  SELECT o.id, o.provider_id, p.name AS provider_name, o.service, o.minutes, o.price_cents, o.capacity, o.places,
    o.weekdays, o.opens, o.closes, o.cancel_cutoff_minutes, o.late_cancel_share::float8 AS late_cancel_share, o.active
  FROM service_offers o JOIN providers p ON p.id = o.provider_id`;

interface OfferSqlRow {
  id: string;
  provider_id: string;
  provider_name: string;
  service: ServiceCode;
  minutes: number;
  price_cents: number;
  capacity: ServiceOffer['capacity'];
  places: number | null;
  weekdays: number[];
  opens: string;
  closes: string;
  cancel_cutoff_minutes: number;
  late_cancel_share: number;
  active: boolean;
}

const toOffer = (row: OfferSqlRow): OfferRecord => ({
  id: row.id,
  provider: { id: row.provider_id, name: row.provider_name },
  service: row.service,
  minutes: row.minutes,
  priceCents: row.price_cents,
  capacity: row.capacity,
  places: row.places,
  weekdays: row.weekdays,
  opens: row.opens,
  closes: row.closes,
  cancelCutoffMinutes: row.cancel_cutoff_minutes,
  lateCancelShare: row.late_cancel_share,
  active: row.active,
});

const SELECT_BOOKINGS = `
  SELECT b.id, b.offer_id, o.service, b.provider_id, p.name AS provider_name, e.id AS elder_id, e.name AS elder_name,
    b.work_order_id, w.status AS work_order_status, b.starts_at, b.ends_at, b.caregiver_id, g.display_name AS caregiver_name,
    b.place, b.status, b.paid_by, b.price_cents, b.self_pay_cents, b.cancel_cutoff_at, b.late_charge_cents,
    b.cancel_charge_cents, b.cancelled_at, b.visit_code, b.booked_by, k.display_name AS booker_name, k.role AS booker_role,
    b.confirmation, b.confirmed_at, b.complaint_id, b.created_at
  FROM bookings b
  JOIN service_offers o ON o.id = b.offer_id
  JOIN providers p ON p.id = b.provider_id
  JOIN work_orders w ON w.id = b.work_order_id
  JOIN users k ON k.id = b.booked_by
  LEFT JOIN users g ON g.id = b.caregiver_id
  JOIN elders e ON e.id = b.elder_id
  ${ELDER_PLACE_JOINS}`;

interface BookingSqlRow {
  id: string;
  offer_id: string;
  service: ServiceCode;
  provider_id: string;
  provider_name: string;
  elder_id: string;
  elder_name: string;
  work_order_id: string;
  work_order_status: WorkOrderStatus;
  starts_at: Date;
  ends_at: Date;
  caregiver_id: string | null;
  caregiver_name: string | null;
  place: number | null;
  status: BookingStatus;
  paid_by: BookingPayer;
  price_cents: number;
  self_pay_cents: number;
  cancel_cutoff_at: Date;
  late_charge_cents: number;
  cancel_charge_cents: number | null;
  cancelled_at: Date | null;
  visit_code: string;
  booked_by: string;
  booker_name: string;
  booker_role: string;
  confirmation: VisitConfirmation | null;
  confirmed_at: Date | null;
  complaint_id: string | null;
  created_at: Date;
}

const toBooking = (row: BookingSqlRow): BookingRow => ({
  id: row.id,
  offerId: row.offer_id,
  service: row.service,
  provider: { id: row.provider_id, name: row.provider_name },
  elder: { id: row.elder_id, name: row.elder_name },
  workOrder: { id: row.work_order_id, status: row.work_order_status },
  startsAt: row.starts_at,
  endsAt: row.ends_at,
  caregiver: row.caregiver_id ? { id: row.caregiver_id, displayName: row.caregiver_name ?? '' } : null,
  place: row.place,
  status: row.status,
  paidBy: row.paid_by,
  priceCents: row.price_cents,
  selfPayCents: row.self_pay_cents,
  cancelCutoffAt: row.cancel_cutoff_at,
  lateChargeCents: row.late_charge_cents,
  cancelChargeCents: row.cancel_charge_cents,
  cancelledAt: row.cancelled_at,
  visitCode: row.visit_code,
  bookedBy: { id: row.booked_by, displayName: row.booker_name, role: row.booker_role },
  confirmation: row.confirmation,
  confirmedAt: row.confirmed_at,
  complaintId: row.complaint_id,
  createdAt: row.created_at,
});

/**
 * The bookings a reader may see: their scope's elders, their provider's calendar, or for a caregiver the bookings of
 * their own time and those they made for an elder (of whichever provider).
 */
function readerCondition(reader: WorkOrderReader, params: unknown[]): string {
  if (reader.scope.kind !== 'provider') return scopeCondition(reader.scope, params);
  if (reader.caregiverId !== undefined) {
    params.push(reader.caregiverId);
    return `(b.caregiver_id = $${params.length}::uuid OR b.booked_by = $${params.length}::uuid)`;
  }
  params.push(reader.scope.providerId);
  return `b.provider_id = $${params.length}::uuid`;
}

/**
 * Offers and bookings. A booking and its work order are stored in one transaction, and the database's exclusion
 * constraints decide which of two bookings of the same time wins.
 */
export class BookingRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insertOffer(providerId: string, offer: ServiceOffer): Promise<string> {
    const [{ id }]: { id: string }[] = await this.dataSource.query(
      `INSERT INTO service_offers (provider_id, service, minutes, price_cents, capacity, places, weekdays, opens, closes,
         cancel_cutoff_minutes, late_cancel_share)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        providerId,
        offer.service,
        offer.minutes,
        offer.priceCents,
        offer.capacity,
        offer.places,
        offer.weekdays,
        offer.opens,
        offer.closes,
        offer.cancelCutoffMinutes,
        offer.lateCancelShare,
      ],
    );
    return id;
  }

  /** Offers still bookable, of one service or provider when asked. */
  async activeOffers(filter: { service?: string; providerId?: string }): Promise<OfferRecord[]> {
    const params: unknown[] = [];
    const where = ['o.active'];
    const add = optionalFilters(params, where);
    add(filter.service, (p) => `o.service = ${p}`);
    add(filter.providerId, (p) => `o.provider_id = ${p}::uuid`);
    const rows: OfferSqlRow[] = await this.dataSource.query(
      `${SELECT_OFFERS} WHERE ${where.join(' AND ')} ORDER BY o.service, p.name, o.id`,
      params,
    );
    return rows.map(toOffer);
  }

  async findOffer(id: string): Promise<OfferRecord | undefined> {
    const [row]: OfferSqlRow[] = await this.dataSource.query(`${SELECT_OFFERS} WHERE o.id = $1`, [id]);
    return row && toOffer(row);
  }

  async withdrawOffer(id: string): Promise<void> {
    await this.dataSource.query('UPDATE service_offers SET active = false WHERE id = $1', [id]);
  }

  /** The provider's active caregivers, in a stable order: the order a booking tries them in. */
  async caregiversOf(providerId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM users WHERE provider_id = $1 AND role = 'caregiver' AND disabled_at IS NULL ORDER BY username`,
      [providerId],
    );
    return rows.map((row) => row.id);
  }

  /**
   * What is taken of the offer's capacity in `[from, to)`: its caregivers' booked time (for any offer: a caregiver is
   * one person), or its places' booked time.
   */
  async takenTimes(offer: OfferRecord, caregiverIds: readonly string[], from: Date, to: Date): Promise<TakenTime[]> {
    const rows: { resource: string; starts_at: Date; ends_at: Date }[] =
      offer.capacity === 'caregivers'
        ? await this.dataSource.query(
            `SELECT caregiver_id::text AS resource, starts_at, ends_at FROM bookings
             WHERE status = 'booked' AND caregiver_id = ANY($1::uuid[]) AND starts_at < $3 AND ends_at > $2`,
            [caregiverIds, from, to],
          )
        : await this.dataSource.query(
            `SELECT place::text AS resource, starts_at, ends_at FROM bookings
             WHERE status = 'booked' AND offer_id = $1 AND place IS NOT NULL AND starts_at < $3 AND ends_at > $2`,
            [offer.id, from, to],
          );
    return rows.map((row) => ({
      resource: row.resource,
      startsAt: row.starts_at.getTime(),
      endsAt: row.ends_at.getTime(),
    }));
  }

  /**
   * Stores the booking and its work order together (assigned to the booked caregiver, if any). Who pays is decided
   * inside, holding the elder's entitlement lock: bookings arriving at once for the last entitled unit are decided
   * one after the other, and only the first is covered. Answers undefined, storing nothing, when the
   * caregiver's or place's time was taken meanwhile: the exclusion constraint refused it. `within` writes what goes
   * with a stored booking in its transaction.
   */
  async book(
    booking: NewBooking,
    within: (manager: EntityManager, stored: StoredBooking) => Promise<void>,
  ): Promise<StoredBooking | undefined> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        // Stored self-paid first; who pays is settled below, once the time is held.
        const provisional = booking.payment(Infinity);
        const [{ id: workOrderId, seq: workOrderSeq }]: { id: string; seq: string }[] = await manager.query(
          `INSERT INTO work_orders (elder_id, provider_id, service, starts_at, minutes, quantity, caregiver_id, status, assigned_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7::uuid, CASE WHEN $7::uuid IS NULL THEN 'created' ELSE 'assigned' END,
             CASE WHEN $7::uuid IS NULL THEN NULL ELSE now() END)
           RETURNING id, seq::text`,
          [
            booking.elderId,
            booking.providerId,
            booking.service,
            booking.startsAt,
            booking.minutes,
            booking.quantity,
            booking.caregiverId,
          ],
        );
        // ON CONFLICT DO NOTHING takes the exclusion constraints as arbiters: a taken time inserts nothing.
        const [stored]: { id: string }[] = await manager.query(
          `INSERT INTO bookings (offer_id, provider_id, elder_id, work_order_id, starts_at, ends_at, caregiver_id, place,
             paid_by, price_cents, self_pay_cents, cancel_cutoff_at, late_charge_cents, visit_code, booked_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
           ON CONFLICT DO NOTHING RETURNING id`,
          [
            booking.offerId,
            booking.providerId,
            booking.elderId,
            workOrderId,
            booking.startsAt,
            booking.endsAt,
            booking.caregiverId,
            booking.place,
            provisional.paidBy,
            booking.priceCents,
            provisional.selfPayCents,
            booking.cancelCutoffAt,
            booking.lateChargeCents,
            booking.visitCode,
            booking.bookedBy,
          ],
        );
        if (!stored) throw new TimeTaken();
        // The entitlement lock is taken only once the time is held, so that attempts refused by the exclusion
        // constraint never queue for it; this order's own work order is not yet part of what was planned.
        const planned = await plannedUnderEntitlementLock(manager, booking.elderId, booking.service, booking.month, {
          except: workOrderId,
        });
        const payment = booking.payment(planned);
        await manager.query('UPDATE bookings SET paid_by = $2, self_pay_cents = $3 WHERE id = $1', [
          stored.id,
          payment.paidBy,
          payment.selfPayCents,
        ]);
        const booked = { id: stored.id, workOrderId, workOrderSeq, ...payment };
        await within(manager, booked);
        return booked;
      });
    } catch (error) {
      if (error instanceof TimeTaken) return undefined;
      throw error;
    }
  }

  async findFor(reader: WorkOrderReader, id: string): Promise<BookingRow | undefined> {
    const params: unknown[] = [id];
    const [row]: BookingSqlRow[] = await this.dataSource.query(
      `${SELECT_BOOKINGS} WHERE b.id = $1 AND ${readerCondition(reader, params)}`,
      params,
    );
    return row && toBooking(row);
  }

  async search(reader: WorkOrderReader, search: BookingSearch): Promise<BookingRow[]> {
    const params: unknown[] = [];
    const where = [readerCondition(reader, params)];
    const add = optionalFilters(params, where);
    add(search.elderId, (p) => `b.elder_id = ${p}::uuid`);
    add(search.providerId, (p) => `b.provider_id = ${p}::uuid`);
    add(search.from, (p) => `b.starts_at >= ${p}`);
    add(search.to, (p) => `b.starts_at < ${p}`);
    params.push(search.limit);
    const rows: BookingSqlRow[] = await this.dataSource.query(
      `${SELECT_BOOKINGS} WHERE ${where.join(' AND ')} ORDER BY b.starts_at, b.id LIMIT $${params.length}`,
      params,
    );
    return rows.map(toBooking);
  }

  /** The visit code of the booking a work order comes from; null for an order that is not a booking's. */
  async visitCodeOfWorkOrder(workOrderId: string): Promise<string | null> {
    const [row]: { visit_code: string }[] = await this.dataSource.query(
      'SELECT visit_code FROM bookings WHERE work_order_id = $1',
      [workOrderId],
    );
    return row?.visit_code ?? null;
  }

  /** Runs `work` holding the booking's and its work order's row locks. */
  inBookingTransaction<T>(
    id: string,
    work: (manager: EntityManager, booking: LockedBooking | undefined) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const [row]: LockedBooking[] = await manager.query(
        `SELECT b.status, b.work_order_id AS "workOrderId", w.status AS "workOrderStatus", b.confirmation
         FROM bookings b JOIN work_orders w ON w.id = b.work_order_id WHERE b.id = $1 FOR UPDATE`,
        [id],
      );
      return work(manager, row);
    });
  }

  async markCancelled(
    manager: EntityManager,
    id: string,
    cancellation: { at: Date; by: string; chargeCents: number },
  ): Promise<void> {
    await manager.query(
      `UPDATE bookings SET status = 'cancelled', cancelled_at = $2, cancelled_by = $3, cancel_charge_cents = $4 WHERE id = $1`,
      [id, cancellation.at, cancellation.by, cancellation.chargeCents],
    );
  }

  async markConfirmation(
    manager: EntityManager,
    id: string,
    confirmation: { confirmation: VisitConfirmation; at: Date; by: string; complaintId: string | null },
  ): Promise<void> {
    await manager.query(
      `UPDATE bookings SET confirmation = $2, confirmed_at = $3, confirmed_by = $4, complaint_id = $5 WHERE id = $1`,
      [id, confirmation.confirmation, confirmation.at, confirmation.by, confirmation.complaintId],
    );
  }

  /** Whether the caregiver has visited or is to visit the elder: the elder's caregiver may book for them. */
  async isCaregiverOfElder(caregiverId: string, elderId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      'SELECT 1 FROM work_orders WHERE caregiver_id = $1 AND elder_id = $2 LIMIT 1',
      [caregiverId, elderId],
    );
    return rows.length > 0;
  }
}
